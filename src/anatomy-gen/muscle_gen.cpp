// Muscle bellies as sweeps from origin to insertion: the sweep direction is the fibre direction.
#include <glm/common.hpp>

#include "anatomy-gen/soft_tissue_generators.hpp"
#include "anatomy-gen/sweep.hpp"

namespace medius::anatomy {

namespace {

// Optional: where along the sweep the muscle becomes tendon or aponeurosis (`tendon_from`, a
// fraction of the sweep length from the origin) and over how much of it the change is made
// (`tendon_blend`). The mesh then carries a per-vertex tendon fraction for the renderer.
void readTendonTransition(ContentSection& c, SweepOptions& options) {
    if (c.has("tendon_from")) options.tendonFrom = glm::clamp(c.number("tendon_from"), 0.0f, 1.0f);
    if (c.has("tendon_blend"))
        options.tendonBlend = glm::clamp(c.number("tendon_blend"), 0.01f, 1.0f);
}

// Optional: coarse fascicle bundles on the superficial face (`bundles`, `groove_depth` mm),
// that face being the one toward `outward` (off the bone). Bundles need a finer ring
// (`ring_vertices`) to be resolved.
void readFascicleBundles(ContentSection& c, SweepOptions& options) {
    if (c.has("ring_vertices"))
        options.ringVertices = glm::clamp(static_cast<int>(c.number("ring_vertices")), 8, 400);
    if (!c.has("bundles")) return;
    options.bundles = glm::clamp(static_cast<int>(c.number("bundles")), 0, 40);
    options.grooveDepth = glm::clamp(c.number("groove_depth"), 0.0f, 4.0f);
    options.superficialDirection = c.vector("outward");
}

// The stations of a sweep: centres (following the male femur where asked), width directions,
// half widths and thicknesses, moved off the bone by `outward_shifts`. False (reported) when
// the lists are missing or do not match.
bool readStations(ContentSection& c, const FemurFollow* follow,
                  std::vector<SweepStation>& stations) {
    auto centres = c.points("centres");
    if (follow && !c.perSex("centres"))
        for (auto& p : centres) p = follow->apply(p);
    const auto widths = c.points("width_directions");
    const auto halfWidths = c.numbers("half_widths");
    const auto halfThick = c.numbers("half_thicknesses");
    if (!c.ok()) return false;
    const std::size_t n = centres.size();
    if (n < 2 || widths.size() != n || halfWidths.size() != n || halfThick.size() != n) {
        c.error(
            "centres, width_directions, half_widths and half_thicknesses must be lists of "
            "the same length (at least two stations)");
        return false;
    }
    // Optional: move each station along `outward` (away from the bone) by `outward_shifts`
    // (mm, one per station, usually per sex): a muscle made thicker for one sex keeps its deep
    // face on the bone instead of growing into it.
    if (c.has("outward_shifts")) {
        const glm::vec3 outward = c.vector("outward");
        const auto shifts = c.numbers("outward_shifts");
        if (!c.ok()) return false;
        if (shifts.size() != n || glm::length(outward) < 1e-6f) {
            c.error("outward_shifts needs one value per station and a non-zero outward vector");
            return false;
        }
        for (std::size_t i = 0; i < n; ++i) centres[i] += glm::normalize(outward) * shifts[i];
    }
    stations.clear();
    for (std::size_t i = 0; i < n; ++i)
        stations.push_back({centres[i], widths[i], halfWidths[i], halfThick[i]});
    return true;
}

}  // namespace

TriangleMesh sweptMuscle(ContentSection& c, const FemurFollow* follow) {
    std::vector<SweepStation> stations;
    if (!readStations(c, follow, stations)) return {};
    SweepOptions options;
    options.ringVertices = 40;
    options.samplesPerSpan = 10;
    // Muscle sheets have flatter faces than an ellipse; broad sheets may ask for flatter still.
    options.squareness = c.has("squareness") ? c.number("squareness") : 2.4f;
    // Optional: keep the width directions as written (sheared sections; see SweepOptions).
    if (c.has("keep_width_directions"))
        options.keepWidthDirection = c.flag("keep_width_directions");
    readTendonTransition(c, options);
    readFascicleBundles(c, options);
    if (!c.ok()) return {};
    options.squareness = glm::clamp(options.squareness, 1.5f, 8.0f);
    return sweepTube(stations, options);
}

std::vector<TriangleMesh> fannedMuscle(std::vector<ContentSection>& parts,
                                       const FemurFollow* follow, bool onePiece) {
    const std::size_t pieces = onePiece ? 1 : parts.size();
    std::vector<FanGuide> guides;
    for (auto& c : parts) {
        FanGuide g;
        if (!readStations(c, follow, g.stations)) return std::vector<TriangleMesh>(pieces);
        g.outward = c.vector("outward");
        SweepOptions tendon;
        readTendonTransition(c, tendon);
        if (!c.ok()) return std::vector<TriangleMesh>(pieces);
        if (glm::length(g.outward) < 1e-6f) {
            c.error("a fan part needs a non-zero outward vector");
            return std::vector<TriangleMesh>(pieces);
        }
        if (!guides.empty() && g.stations.size() != guides.front().stations.size()) {
            c.error("the parts of a fan must have the same number of stations");
            return std::vector<TriangleMesh>(pieces);
        }
        if (c.has("bows")) {
            g.bows = c.numbers("bows");
            if (!c.ok()) return std::vector<TriangleMesh>(pieces);
            if (g.bows.size() != g.stations.size()) {
                c.error("bows needs one value per station");
                return std::vector<TriangleMesh>(pieces);
            }
        }
        g.tendonFrom = tendon.tendonFrom;
        g.tendonBlend = tendon.tendonBlend;
        guides.push_back(std::move(g));
    }
    return sweepFan(guides, 10, 28, onePiece);
}

}  // namespace medius::anatomy
