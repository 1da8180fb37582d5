#include "anatomy-gen/bone_surface.hpp"

#include "anatomy-gen/edge_collapse.hpp"
#include "anatomy-gen/marching_tetrahedra.hpp"
#include "anatomy-gen/mesh_ops.hpp"

namespace medius::anatomy {

TriangleMesh boneSurface(const ImplicitShape& shape, float cellSize, int smoothingPasses) {
    if (shape.empty()) return {};
    TriangleMesh mesh = polygonise([&shape](const glm::vec3& p) { return shape.distance(p); },
                                   shape.bounds(), cellSize);
    // Grid extraction leaves many slivers; collapsing edges under 40 % of a cell removes most
    // of them (and about a third of the triangles) without changing the shape.
    collapseShortEdges(mesh, 0.4f * cellSize);
    if (smoothingPasses > 0) smoothTaubin(mesh, smoothingPasses);
    orientOutward(mesh);
    mesh.computeNormals();
    return mesh;
}

}  // namespace medius::anatomy
