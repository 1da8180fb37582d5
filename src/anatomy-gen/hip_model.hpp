#pragma once
// Medius's own lateral-hip anatomy, generated from the landmark and shape data in
// content/anatomy/*.toml (millimetres, ISB pelvic frame: X anterior, Y superior, Z right,
// origin midway between the two ASISs).
#include <string>

#include "core/diagnostics.hpp"
#include "core/structure.hpp"

namespace medius::anatomy {

enum class Sex { Female, Male };

// Reads landmark/shape data from contentDir (e.g. <repo>/content/anatomy) and generates every
// structure. Deterministic. Reports problems to sink (file, line, message) and still returns
// what it could build.
Scene buildHipModel(const std::string& contentDir, Sex sex, DiagnosticSink& sink);

}  // namespace medius::anatomy
