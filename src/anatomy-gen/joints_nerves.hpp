#pragma once
// Joints (articular cartilage, hip capsule, discs, facet and sacroiliac joints) and nerves
// (lumbar roots, sciatic, superior gluteal, lateral femoral cutaneous), generated from
// content/anatomy/joints_nerves.toml.
#include <string>
#include <vector>

#include "anatomy-gen/hip_model.hpp"
#include "core/diagnostics.hpp"
#include "core/structure.hpp"

namespace medius::anatomy {

// Paired structures come as _r and _l. Problems are reported with file and line and the
// structure is left out.
std::vector<Structure> buildJointsAndNerves(const std::string& contentDir, Sex sex,
                                            DiagnosticSink& sink);

// A closed spherical shell: the cap of directions within `angleDegrees` of `axis`, between
// radius - thickness/2 and radius + thickness/2. Outward wound, with normals.
TriangleMesh sphericalCapShell(const glm::vec3& centre, const glm::vec3& axis, float radius,
                               float thickness, float angleDegrees, int rings = 18,
                               int segments = 48);

}  // namespace medius::anatomy
