#pragma once
// Small exact shapes for tests: their areas, volumes and silhouettes are known.
#include <glm/glm.hpp>

#include "core/mesh.hpp"

namespace medius::test {

// Axis-aligned box, outward winding, flat normals (24 vertices).
TriangleMesh makeBox(const glm::vec3& min, const glm::vec3& max);
// UV sphere, outward winding, smooth normals.
TriangleMesh makeSphere(const glm::vec3& centre, float radius, int slices = 48, int stacks = 24);

}  // namespace medius::test
