#pragma once
// Small whole-mesh operations shared by the generators.
#include "core/mesh.hpp"

namespace medius::anatomy {

// Reverses every triangle when the signed volume is negative, so closed meshes face outward.
void orientOutward(TriangleMesh& mesh);
// Mirror image across the median (Z = 0) plane: a right-side structure becomes the left one.
// Winding is reversed so the mirrored mesh still faces outward.
TriangleMesh mirrorToLeft(const TriangleMesh& right);
// Taubin lambda/mu smoothing: removes the staircase of grid-extracted surfaces without the
// shrinkage of plain Laplacian smoothing. Topology is untouched.
void smoothTaubin(TriangleMesh& mesh, int iterations, float lambda = 0.5f, float mu = -0.53f);

}  // namespace medius::anatomy
