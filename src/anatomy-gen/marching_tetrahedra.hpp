#pragma once
// Turns an implicit solid into a closed triangle mesh. Tetrahedra rather than cubes because
// their cases are unambiguous: the result is always a closed, consistently wound 2-manifold,
// which the tests and the renderer's outlines rely on.
#include <functional>

#include "core/mesh.hpp"

namespace medius::anatomy {

// Samples `distance` on a grid of `cellSize` mm over `box` (padded so the surface never touches
// the border) and extracts the zero level set, wound counter-clockwise seen from outside.
TriangleMesh polygonise(const std::function<float(const glm::vec3&)>& distance, const Bounds& box,
                        float cellSize);

}  // namespace medius::anatomy
