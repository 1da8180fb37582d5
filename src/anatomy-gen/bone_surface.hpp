#pragma once
// From an implicit bone to the mesh the renderer draws: extract, smooth, wind outward, normals.
#include "anatomy-gen/implicit_shape.hpp"
#include "core/mesh.hpp"

namespace medius::anatomy {

TriangleMesh boneSurface(const ImplicitShape& shape, float cellSize, int smoothingPasses);

}  // namespace medius::anatomy
