#pragma once
// A closed tube swept along a smooth curve through stations, each with its own flattened
// (super-)elliptical cross-section: the shape of a muscle belly, a tendon or a strap of fascia.
// The sweep tangent is the fibre direction, which is what muscles need for striation.
#include <vector>

#include "core/mesh.hpp"

namespace medius::anatomy {

struct SweepStation {
    glm::vec3 centre{0.0f};
    // Direction of the cross-section's long (width) axis; made perpendicular to the tangent.
    glm::vec3 widthDirection{0.0f, 1.0f, 0.0f};
    float halfWidth = 10.0f;
    float halfThickness = 5.0f;
};

struct SweepOptions {
    int ringVertices = 32;
    int samplesPerSpan = 8;   // rings between consecutive stations
    float squareness = 2.0f;  // superellipse exponent: 2 = ellipse, larger = flatter sides
    int capRings = 3;         // rings that round off each end
    // false: each cross-section is perpendicular to the sweep (the width direction is projected
    // into that plane). true: the width direction is kept exactly and the section is sheared
    // along the sweep, so a broad sheet's edge (e.g. a muscle's origin line along a bone border)
    // lies exactly where the stations put it, whatever the fibre direction. The width direction
    // must not run along the sweep.
    bool keepWidthDirection = false;
};

// Catmull-Rom through the station centres, sizes and width directions interpolated smoothly.
// At least two stations. Closed, outward, with normals and per-vertex fibres.
TriangleMesh sweepTube(const std::vector<SweepStation>& stations, const SweepOptions& options = {});

}  // namespace medius::anatomy
