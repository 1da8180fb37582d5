// Muscle bellies as sweeps from origin to insertion: the sweep direction is the fibre direction.
#include <glm/common.hpp>

#include "anatomy-gen/soft_tissue_generators.hpp"
#include "anatomy-gen/sweep.hpp"

namespace medius::anatomy {

TriangleMesh sweptMuscle(ContentSection& c, const FemurFollow* follow) {
    auto centres = c.points("centres");
    if (follow && !c.perSex("centres"))
        for (auto& p : centres) p = follow->apply(p);
    const auto widths = c.points("width_directions");
    const auto halfWidths = c.numbers("half_widths");
    const auto halfThick = c.numbers("half_thicknesses");
    if (!c.ok()) return {};
    const std::size_t n = centres.size();
    if (n < 2 || widths.size() != n || halfWidths.size() != n || halfThick.size() != n) {
        c.error(
            "centres, width_directions, half_widths and half_thicknesses must be lists of "
            "the same length (at least two stations)");
        return {};
    }
    // Optional: move each station along `outward` (away from the bone) by `outward_shifts`
    // (mm, one per station, usually per sex): a muscle made thicker for one sex keeps its deep
    // face on the bone instead of growing into it.
    if (c.has("outward_shifts")) {
        const glm::vec3 outward = c.vector("outward");
        const auto shifts = c.numbers("outward_shifts");
        if (!c.ok()) return {};
        if (shifts.size() != n || glm::length(outward) < 1e-6f) {
            c.error("outward_shifts needs one value per station and a non-zero outward vector");
            return {};
        }
        for (std::size_t i = 0; i < n; ++i) centres[i] += glm::normalize(outward) * shifts[i];
    }
    std::vector<SweepStation> stations;
    for (std::size_t i = 0; i < n; ++i)
        stations.push_back({centres[i], widths[i], halfWidths[i], halfThick[i]});
    SweepOptions options;
    options.ringVertices = 40;
    options.samplesPerSpan = 10;
    // Muscle sheets have flatter faces than an ellipse; broad sheets may ask for flatter still.
    options.squareness = c.has("squareness") ? c.number("squareness") : 2.4f;
    // Optional: keep the width directions as written (sheared sections; see SweepOptions).
    if (c.has("keep_width_directions"))
        options.keepWidthDirection = c.flag("keep_width_directions");
    if (!c.ok()) return {};
    options.squareness = glm::clamp(options.squareness, 1.5f, 8.0f);
    return sweepTube(stations, options);
}

}  // namespace medius::anatomy
