#pragma once
// Measurements taken on generated meshes, shared by the anatomy tests.
#include <glm/glm.hpp>
#include <string>
#include <vector>

#include "anatomy-gen/penetration.hpp"
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
// Centroid of the area of the mesh's cross-section by the plane Y = level (its point Y = level).
// Unlike the vertex centroid it does not depend on how densely the surface is sampled where, so a
// ridge adds only its own small area.
glm::vec3 sectionCentroid(const TriangleMesh& mesh, float level);
// Area-weighted centroid of the surface whose triangle centres lie between rMin and rMax of
// `centre` (independent of the sampling density, unlike a vertex centroid).
glm::vec3 shellCentroid(const TriangleMesh& mesh, const glm::vec3& centre, float rMin, float rMax);
// The footprint of a flat closed pad: its area projected onto its own plane (the plane across
// its thinnest direction, the dominant direction of its faces' area vectors). A convex slab
// covers each point of that projection twice, so this is half the summed |projected area|; its
// rim, which half the surface area would count, projects to almost nothing.
double padFootprintArea(const TriangleMesh& mesh);

}  // namespace medius::anatomy::testing

namespace medius::anatomy::testing {
// The penetration measure lives in the library (anatomy-gen/penetration.hpp) so the pose tests
// use the same one.
using medius::anatomy::deepestPenetration;
using medius::anatomy::Penetration;
using medius::anatomy::SolidProbe;
}  // namespace medius::anatomy::testing

namespace medius::anatomy::testing {
// Distance along the unit direction `dir` from `origin` to the first triangle of `mesh` it
// crosses (beyond a hair's breadth), or +infinity.
float rayHit(const TriangleMesh& mesh, const glm::vec3& origin, const glm::vec3& dir);
// The point of `mesh` nearest to p (brute force).
glm::vec3 nearestPointOn(const TriangleMesh& mesh, const glm::vec3& p);
}  // namespace medius::anatomy::testing
