#pragma once
// The parts that bookmarks and tour steps share in their TOML files: a camera pose and the
// annotations (strokes and pinned notes).
#include <optional>
#include <string>
#include <toml++/toml.h>

#include "core/annotations.hpp"
#include "core/diagnostics.hpp"
#include "core/orbit_camera.hpp"

namespace medius {

toml::table cameraTable(const CameraPose& pose);
// Reads [camera] (target, distance, yaw, pitch); reports problems at their lines.
std::optional<CameraPose> readCameraTable(const toml::table& camera, const std::string& path,
                                          int line, DiagnosticSink& sink);

// Adds `strokes` and `notes` arrays to `table` (nothing when there are none).
void writeAnnotations(toml::table& table, const Annotations& annotations);
// The `strokes` and `notes` arrays of a bookmark or tour step. False (reported) when malformed.
bool readAnnotations(const toml::table& table, const std::string& path, DiagnosticSink& sink,
                     Annotations& out);

}  // namespace medius
