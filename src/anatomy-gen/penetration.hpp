#pragma once
// The penetration measure shared by the anatomy tests (rest pose) and the pose tests (posed
// scenes): how deep soft tissue (muscles, tendons including the iliotibial band, bursae) lies
// inside bone, measured on the meshes themselves (issue 3: at most 1 mm; issue 7: also in the
// preset postures).
#include <cstdint>
#include <glm/glm.hpp>
#include <string>
#include <vector>

#include "core/mesh.hpp"
#include "core/structure.hpp"

namespace medius::anatomy {

// Inside test and depth below the surface of one closed mesh, measured on the mesh itself
// (not on the implicit shape it came from). Build once, query many points.
class SolidProbe {
public:
    explicit SolidProbe(const TriangleMesh& mesh);
    // Ray parity along the three axes, majority vote (a ray grazing an edge spoils one vote).
    bool inside(const glm::vec3& p) const;
    // Distance from p to the nearest triangle, searched up to `limit` (returns `limit` beyond).
    float distance(const glm::vec3& p, float limit) const;
    // How deep p lies inside the solid (0 outside), capped at `limit`.
    float depth(const glm::vec3& p, float limit = 30.0f) const {
        return inside(p) ? distance(p, limit) : 0.0f;
    }

private:
    const TriangleMesh& mesh_;
    glm::vec3 lo_{0.0f}, hi_{0.0f};
    float cell_ = 4.0f;
    glm::ivec3 dims_{1};
    std::vector<std::vector<std::uint32_t>> cells_;        // triangles per 3D cell
    std::vector<std::vector<std::uint32_t>> columns_[3];   // triangles per 2D column, per axis
    glm::ivec2 columnDims_[3];
    int parityCrossings(const glm::vec3& p, int axis) const;
};

struct Penetration {
    std::string tissue, bone;
    glm::vec3 at{0.0f};
    float depth = 0.0f;
};
// The deepest soft-tissue vertex (by default: muscle, tendon, bursa) inside any bone of the
// scene; depth 0 when none is inside. Also returns each tissue's worst depth in `perTissue` if
// given. `layers` picks the tissues measured (e.g. {Layer::Skin}).
Penetration deepestPenetration(const Scene& scene, std::vector<Penetration>* perTissue = nullptr,
                               const std::vector<Layer>& layers = {Layer::Muscle, Layer::Tendon,
                                                                   Layer::Bursa});

// Closest point to p on the triangle abc.
glm::vec3 triangleClosestPoint(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b,
                               const glm::vec3& c);

}  // namespace medius::anatomy
