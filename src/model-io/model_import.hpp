#pragma once
// Loads user and specimen meshes (glTF/GLB, OBJ, STL, PLY and whatever else
// Assimp reads) into one TriangleMesh in millimetres. Problems are reported
// to the sink with the file's path; nothing here throws or aborts.
#include <glm/glm.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "core/mesh.hpp"

namespace medius::io {

// Auto: assume metres when the model is smaller than 5 units across (no
// human pelvis is 5 mm wide, none is 5 m wide), otherwise millimetres.
enum class Units { Auto, Millimetres, Centimetres, Metres };
std::optional<Units> parseUnits(std::string_view name);
const char* unitsName(Units units);
float millimetresPerUnit(Units units);

struct ImportOptions {
    Units units = Units::Auto;
    glm::mat4 transform{1.0f};  // applied after unit scaling, into the pelvic frame
    // Larger models are refused with a message rather than left to exhaust memory or
    // make every frame take seconds on a software renderer.
    std::size_t maxTriangles = 20'000'000;
};

std::optional<TriangleMesh> importMesh(const std::string& path, const ImportOptions& options,
                                       DiagnosticSink& sink);

}  // namespace medius::io
