#pragma once
// Removes the sliver triangles grid extraction leaves where the surface passes close to grid
// points, by collapsing edges shorter than a threshold. A collapse is made only when it keeps the
// mesh a closed 2-manifold (link condition) and flips no triangle, so closed stays closed.
#include "core/mesh.hpp"

namespace medius::anatomy {

// Returns the number of edges collapsed. Normals and fibres are dropped (recompute afterwards).
std::size_t collapseShortEdges(TriangleMesh& mesh, float minLength, int passes = 2);

}  // namespace medius::anatomy
