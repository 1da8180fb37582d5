#pragma once
// The skin of the lower back, buttocks, hips and both lower limbs to the feet: the canvas
// pain zones are painted on. Also finds the body landmarks (on that skin) that pain zones
// are drawn through, so zones follow the body whatever its proportions.
#include <functional>
#include <map>
#include <string>

#include "anatomy-gen/hip_model.hpp"
#include "core/diagnostics.hpp"
#include "core/mesh.hpp"

namespace medius::anatomy {

struct BodySurface {
    TriangleMesh skin;
    std::map<std::string, glm::vec3> landmarks;  // name (with _r/_l) -> point on the skin
    // Signed distance to the skin (negative inside), for tests that check what it covers.
    std::function<float(const glm::vec3&)> distance;
};

// Reads contentDir/body.toml (and skeleton.toml's male scale). Problems are reported with
// file and line; a landmark that cannot be found on the skin is reported and left out.
BodySurface buildBodySurface(const std::string& contentDir, Sex sex, DiagnosticSink& sink);

}  // namespace medius::anatomy
