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
    // Where the muscle becomes tendon or aponeurosis, as a fraction of the sweep's length from
    // the first station: the per-vertex tendon fraction rises smoothly from 0 to 1 over
    // `tendonBlend` (also a fraction of the length) centred there. 1 or more: no tendon part
    // (the mesh then carries no tendon fractions).
    float tendonFrom = 1.0f;
    float tendonBlend = 0.1f;
    // Coarse fascicle bundles: `bundles` (0: none) parallel grooves along the sweep on the
    // face of the sheet toward `superficialDirection`, `grooveDepth` mm deep where bundles
    // meet, fading out toward the sheet's edges and into its two ends. Only that face moves,
    // and only inward, so the deep face (on the bone) is unchanged.
    int bundles = 0;
    float grooveDepth = 0.0f;
    glm::vec3 superficialDirection{0.0f};
};

// Catmull-Rom through the station centres, sizes and width directions interpolated smoothly.
// At least two stations. Closed, outward, with normals and per-vertex fibres.
TriangleMesh sweepTube(const std::vector<SweepStation>& stations, const SweepOptions& options = {});

// One guide of a fan-shaped muscle: the centreline of one of its parts (anterior to posterior,
// say) from origin to insertion, with its half thickness at each station, the direction off the
// bone and where that part turns tendon. Only the first and last guides' half widths are used:
// they say how far the fan reaches beyond them.
struct FanGuide {
    std::vector<SweepStation> stations;
    glm::vec3 outward{0.0f, 0.0f, 1.0f};
    float tendonFrom = 1.0f;
    float tendonBlend = 0.1f;
    // Optional, one per station (mm): how far the sheet bows outward (along `outward`) midway
    // between this guide and the next, where it wraps over convex bone between them.
    std::vector<float> bows;
};

// A fan-shaped muscle (gluteus medius) as ONE continuous sheet lofted across its guides, cut
// into one closed strip per guide. The sheet's mid-surface passes through every guide's
// centreline (Catmull-Rom across the guides, straight on beyond the outer ones); its half
// thickness is interpolated the same way and rounds off to a thin edge at the fan's two
// borders. Neighbouring strips share their cut exactly (same positions, the outer face's
// normals carried across), so the parts read as one muscle with no gap or seam; each strip
// keeps its own fibres (along the sheet, converging to the insertion) and tendon fraction.
// All guides need the same number of stations (at least two); at least two guides.
// onePiece: the sheet is not cut; ONE closed mesh spans all the guides (a fan-shaped muscle that
// is a single structure, gluteus minimus), its tendon transition and length from the middle
// guide.
std::vector<TriangleMesh> sweepFan(const std::vector<FanGuide>& guides, int samplesPerSpan = 10,
                                   int faceVertices = 28, bool onePiece = false);

}  // namespace medius::anatomy
