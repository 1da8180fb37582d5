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
