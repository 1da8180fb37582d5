#pragma once
// Minimal binary PLY writer (positions and triangles) for measuring generated meshes with
// external tools. Test/tool code only; the application exports through model-io.
#include <string>

#include "core/mesh.hpp"

namespace medius::anatomy::testing {

bool writeBinaryPly(const TriangleMesh& mesh, const std::string& path);

}  // namespace medius::anatomy::testing
