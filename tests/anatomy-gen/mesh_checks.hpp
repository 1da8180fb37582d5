#pragma once
// Measurements taken on generated meshes, shared by the anatomy tests.
#include <glm/glm.hpp>
#include <string>
#include <vector>

#include "core/mesh.hpp"
#include "core/structure.hpp"

namespace medius::anatomy::testing {

// Empty when every edge is shared by exactly two triangles that traverse it in opposite
// directions (closed and consistently wound); otherwise a description of the first problem.
std::string closedManifoldProblem(const TriangleMesh& mesh);

struct Sphere {
    glm::vec3 centre{0.0f};
    float radius = 0.0f;
};
// Linear least-squares sphere through the points.
Sphere fitSphere(const std::vector<glm::vec3>& points);

// Angle between two directions in degrees.
float angleDegrees(const glm::vec3& a, const glm::vec3& b);

// Centroid of the vertices within `halfThickness` of the plane Y = level.
glm::vec3 sliceCentroid(const TriangleMesh& mesh, float level, float halfThickness);

}  // namespace medius::anatomy::testing

namespace medius::anatomy::testing {

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
// The deepest soft-tissue vertex (muscle, tendon, bursa) inside any bone of the scene; depth 0
// when none is inside. Also returns each tissue's worst depth in `perTissue` if given.
Penetration deepestPenetration(const Scene& scene,
                               std::vector<Penetration>* perTissue = nullptr);

}  // namespace medius::anatomy::testing

namespace medius::anatomy::testing {
// Distance along the unit direction `dir` from `origin` to the first triangle of `mesh` it
// crosses (beyond a hair's breadth), or +infinity.
float rayHit(const TriangleMesh& mesh, const glm::vec3& origin, const glm::vec3& dir);
// The point of `mesh` nearest to p (brute force).
glm::vec3 nearestPointOn(const TriangleMesh& mesh, const glm::vec3& p);
}  // namespace medius::anatomy::testing
