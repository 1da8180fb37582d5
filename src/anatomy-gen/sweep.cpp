#include "anatomy-gen/sweep.hpp"

#include <algorithm>
#include <cmath>

#include "anatomy-gen/ring_mesh.hpp"

namespace medius::anatomy {

namespace {

constexpr float kPi = 3.14159265358979f;

template <typename T>
T catmullRom(const T& p0, const T& p1, const T& p2, const T& p3, float t) {
    const float t2 = t * t, t3 = t2 * t;
    return 0.5f * ((2.0f * p1) + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                   (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
}

// Superellipse point: |x/a|^e + |y/b|^e = 1.
glm::vec2 superellipse(float angle, float a, float b, float e) {
    const float c = std::cos(angle), s = std::sin(angle);
    const float p = 2.0f / e;
    return {a * std::copysign(std::pow(std::abs(c), p), c),
            b * std::copysign(std::pow(std::abs(s), p), s)};
}

struct Sample {
    glm::vec3 centre, width;
    float a, b;
};

// The section outline: a superellipse at `count` points from angle 0 (the +width end),
// counter-clockwise. Even in angle, or (evenArc) even in arc length, which a surface pattern
// across the width needs: in angle, a flat superellipse's vertices thin out mid-face.
std::vector<glm::vec2> sectionOutline(int count, float a, float b, float e, bool evenArc) {
    std::vector<glm::vec2> out(count);
    if (!evenArc) {
        for (int i = 0; i < count; ++i) out[i] = superellipse(2.0f * kPi * i / count, a, b, e);
        return out;
    }
    const int dense = count * 8;
    std::vector<glm::vec2> fine(dense + 1);
    std::vector<float> length(dense + 1, 0.0f);
    for (int i = 0; i <= dense; ++i) {
        fine[i] = superellipse(2.0f * kPi * i / dense, a, b, e);
        if (i > 0) length[i] = length[i - 1] + glm::length(fine[i] - fine[i - 1]);
    }
    std::size_t j = 0;
    for (int i = 0; i < count; ++i) {
        const float target = length[dense] * i / count;
        while (j + 1 < length.size() && length[j + 1] < target) ++j;
        const float span = std::max(length[j + 1] - length[j], 1e-6f);
        out[i] = glm::mix(fine[j], fine[j + 1], (target - length[j]) / span);
    }
    return out;
}

// Depth profile of the grooves between coarse fascicle bundles across the sheet: u is the
// position across the width (-1 .. 1); 1 where two bundles meet, falling to 0 over each
// bundle's rounded top (so the grooves are narrower than the bundles).
float bundleGroove(float u, int bundles) {
    const float c = 0.5f + 0.5f * std::cos(2.0f * kPi * (u + 1.0f) * 0.5f * bundles);
    const float c2 = c * c;
    return c2 * c2;
}

float smoothStep(float e0, float e1, float x) {
    const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// How much of the groove depth applies at a point of the outline: only on the superficial
// face (side: +1 or -1 along the section's thickness axis), not near the sheet's edges and
// fading into the origin and the insertion (along: fraction of the sweep length).
float grooveWeight(const glm::vec2& q, float a, float b, float side, float along) {
    const float face = smoothStep(0.5f, 0.9f, side * q.y / b);
    const float edge = 1.0f - smoothStep(0.78f, 0.94f, std::abs(q.x) / a);
    const float ends = smoothStep(0.04f, 0.2f, along) * (1.0f - smoothStep(0.8f, 0.95f, along));
    return face * edge * ends;
}

// Fraction of the way along the sample centres (0 at the first, 1 at the last).
std::vector<float> alongFractions(const std::vector<Sample>& samples) {
    std::vector<float> along(samples.size(), 0.0f);
    for (std::size_t i = 1; i < samples.size(); ++i)
        along[i] = along[i - 1] + glm::length(samples[i].centre - samples[i - 1].centre);
    const float total = std::max(along.back(), 1e-6f);
    for (auto& f : along) f /= total;
    return along;
}

// Catmull-Rom through the stations: `per` samples a span, the last station included.
std::vector<Sample> sampleStations(const std::vector<SweepStation>& st, int per) {
    std::vector<Sample> samples;
    const int spans = static_cast<int>(st.size()) - 1;
    for (int s = 0; s < spans; ++s) {
        const auto& s0 = st[std::max(s - 1, 0)];
        const auto& s1 = st[s];
        const auto& s2 = st[s + 1];
        const auto& s3 = st[std::min(s + 2, spans)];
        const int count = s == spans - 1 ? per + 1 : per;
        for (int k = 0; k < count; ++k) {
            const float t = static_cast<float>(k) / per;
            Sample x;
            x.centre = catmullRom(s0.centre, s1.centre, s2.centre, s3.centre, t);
            x.width = catmullRom(s0.widthDirection, s1.widthDirection, s2.widthDirection,
                                 s3.widthDirection, t);
            x.a = std::max(0.2f,
                           catmullRom(s0.halfWidth, s1.halfWidth, s2.halfWidth, s3.halfWidth, t));
            x.b = std::max(0.2f, catmullRom(s0.halfThickness, s1.halfThickness, s2.halfThickness,
                                            s3.halfThickness, t));
            samples.push_back(x);
        }
    }
    return samples;
}

}  // namespace

TriangleMesh sweepTube(const std::vector<SweepStation>& st, const SweepOptions& o) {
    if (st.size() < 2) return {};
    const int n = std::max(3, o.ringVertices);
    const int per = std::max(1, o.samplesPerSpan);
    const std::vector<Sample> samples = sampleStations(st, per);
    const std::size_t m = samples.size();
    std::vector<glm::vec3> tangent(m);
    for (std::size_t i = 0; i < m; ++i) {
        const auto& prev = samples[i == 0 ? 0 : i - 1].centre;
        const auto& next = samples[std::min(i + 1, m - 1)].centre;
        tangent[i] = glm::normalize(next - prev);
    }
    const std::vector<float> along = alongFractions(samples);
    const bool grooved = o.bundles > 0 && o.grooveDepth > 0.0f;
    auto ringAt = [&](const glm::vec3& c, const glm::vec3& t, const glm::vec3& w, float a, float b,
                      float alongFraction) {
        glm::vec3 major = o.keepWidthDirection ? w : w - t * glm::dot(w, t);
        if (glm::length(major) < 1e-5f ||
            glm::length(glm::cross(major, t)) < 1e-3f * glm::length(major))
            major = std::abs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
        if (!o.keepWidthDirection) major -= t * glm::dot(major, t);
        major = glm::normalize(major);
        // Perpendicular to the width and to the sweep: the section's thickness direction.
        const glm::vec3 minor = glm::normalize(glm::cross(t, major));
        const auto outline = sectionOutline(n, a, b, o.squareness, grooved);
        const float side = glm::dot(minor, o.superficialDirection) >= 0.0f ? 1.0f : -1.0f;
        std::vector<glm::vec3> ring(n);
        for (int i = 0; i < n; ++i) {
            const glm::vec2& q = outline[i];
            float depth = 0.0f;
            if (grooved)
                depth = o.grooveDepth * bundleGroove(q.x / a, o.bundles) *
                        grooveWeight(q, a, b, side, alongFraction);
            ring[i] = c + major * q.x + minor * (q.y - side * depth);
        }
        return ring;
    };
    // Belly (0) to tendon (1) along the sweep, smooth across the blend.
    const bool hasTendon = o.tendonFrom < 1.0f;
    const float blend = std::max(o.tendonBlend, 1e-3f);
    auto tendonFraction = [&](float alongFraction) {
        return smoothStep(o.tendonFrom - 0.5f * blend, o.tendonFrom + 0.5f * blend, alongFraction);
    };
    RingStack stack;
    // Rounded end caps: rings shrink like a quarter ellipse beyond each end.
    const int caps = std::max(0, o.capRings);
    auto capRing = [&](std::size_t i, float sign, int k) {
        const float phi = 0.5f * kPi * static_cast<float>(k) / (caps + 1);
        const float shrink = std::cos(phi);
        const float reach = std::min(samples[i].a, samples[i].b) * std::sin(phi);
        return ringAt(samples[i].centre + sign * tangent[i] * reach, tangent[i], samples[i].width,
                      samples[i].a * shrink, samples[i].b * shrink, along[i]);
    };
    for (int k = caps; k >= 1; --k) {
        stack.rings.push_back(capRing(0, -1.0f, k));
        stack.ringFibres.push_back(tangent[0]);
        stack.ringTendon.push_back(tendonFraction(0.0f));
    }
    for (std::size_t i = 0; i < m; ++i) {
        stack.rings.push_back(ringAt(samples[i].centre, tangent[i], samples[i].width, samples[i].a,
                                     samples[i].b, along[i]));
        stack.ringFibres.push_back(tangent[i]);
        stack.ringTendon.push_back(tendonFraction(along[i]));
    }
    for (int k = 1; k <= caps; ++k) {
        stack.rings.push_back(capRing(m - 1, 1.0f, k));
        stack.ringFibres.push_back(tangent[m - 1]);
        stack.ringTendon.push_back(tendonFraction(1.0f));
    }
    const float r0 = std::min(samples.front().a, samples.front().b);
    const float r1 = std::min(samples.back().a, samples.back().b);
    stack.startApex = samples.front().centre - tangent.front() * (caps > 0 ? r0 : 0.0f);
    stack.endApex = samples.back().centre + tangent.back() * (caps > 0 ? r1 : 0.0f);
    stack.startFibre = tangent.front();
    stack.endFibre = tangent.back();
    stack.startTendon = tendonFraction(0.0f);
    stack.endTendon = tendonFraction(1.0f);
    if (!hasTendon) stack.ringTendon.clear();
    TriangleMesh mesh = closeRings(stack);
    // Fibres lie in the surface: drop the normal component of the tangent.
    for (std::size_t i = 0; i < mesh.fibres.size(); ++i) {
        const glm::vec3& n = mesh.normals[i];
        glm::vec3 f = mesh.fibres[i] - n * glm::dot(mesh.fibres[i], n);
        if (glm::length(f) < 1e-3f) {
            // At the end apexes the sweep runs straight out of the surface: any tangent will do.
            const glm::vec3 other = std::abs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
            f = glm::cross(n, other);
        }
        mesh.fibres[i] = glm::normalize(f);
    }
    return mesh;
}

}  // namespace medius::anatomy

namespace medius::anatomy {

namespace {

// One sample row of a fan: the guides' points at the same fraction of their sweeps, and the
// sheet lofted across them. t is the position across the fan in guide units (guide g at t = g).
struct FanRow {
    std::vector<glm::vec3> points;   // guide centres
    std::vector<float> thick;        // guide half thicknesses
    std::vector<glm::vec3> outward;  // guide directions off the bone
    std::vector<float> bows;         // outward bow midway to the next guide (mm)
    float tMin = 0.0f, tMax = 1.0f;  // the fan's two borders

    // Catmull-Rom across the guides with mirrored end points, so it runs straight on beyond the
    // outer guides (the curve's end tangent is the chord to the next guide).
    template <typename T>
    static T across(const std::vector<T>& v, float t) {
        const int k = static_cast<int>(v.size());
        if (t <= 0.0f) return v[0] + t * (v[1] - v[0]);
        if (t >= k - 1) return v[k - 1] + (t - (k - 1)) * (v[k - 1] - v[k - 2]);
        const int s = std::min(static_cast<int>(t), k - 2);
        const T before = s > 0 ? v[s - 1] : 2.0f * v[0] - v[1];
        const T after = s + 2 < k ? v[s + 2] : 2.0f * v[k - 1] - v[k - 2];
        return catmullRom(before, v[s], v[s + 1], after, t - s);
    }
    glm::vec3 mid(float t) const {
        glm::vec3 p = across(points, t);
        if (t > 0.0f && t < static_cast<float>(bows.size())) {
            const int s = static_cast<int>(t);
            const float f = t - s;
            p += off(t) * (bows[s] * 4.0f * f * (1.0f - f));
        }
        return p;
    }
    // Half thickness: the guides' (held beyond the outer ones), rounding to nothing at the
    // borders like a flattened ellipse's ends.
    float halfThickness(float t) const {
        const float inside = std::clamp(t, 0.0f, static_cast<float>(thick.size() - 1));
        const float b = std::max(0.2f, across(thick, inside));
        const float u = std::clamp(2.0f * (t - tMin) / (tMax - tMin) - 1.0f, -1.0f, 1.0f);
        return b * std::cbrt(std::max(0.0f, 1.0f - std::abs(u * u * u)));
    }
    glm::vec3 off(float t) const {
        const float inside = std::clamp(t, 0.0f, static_cast<float>(outward.size() - 1));
        const int s = std::min(static_cast<int>(inside), static_cast<int>(outward.size()) - 2);
        return glm::mix(outward[s], outward[s + 1], inside - s);
    }
};

// Along the sweep at row j: the direction from row j-1 to j+1 at the same t.
glm::vec3 rowTangent(const std::vector<FanRow>& rows, std::size_t j, float t) {
    const auto& a = rows[j == 0 ? 0 : j - 1];
    const auto& b = rows[std::min(j + 1, rows.size() - 1)];
    const glm::vec3 d = b.mid(t) - a.mid(t);
    return glm::length(d) > 1e-6f ? glm::normalize(d) : glm::vec3(0, -1, 0);
}

// The sheet's normal toward the guides' outward side.
glm::vec3 sheetNormal(const std::vector<FanRow>& rows, std::size_t j, float t) {
    const FanRow& r = rows[j];
    const float h = 0.01f;
    const glm::vec3 dt = r.mid(t + h) - r.mid(t - h);
    glm::vec3 n = glm::cross(dt, rowTangent(rows, j, t));
    if (glm::length(n) < 1e-9f) n = r.off(t);
    n = glm::normalize(n);
    return glm::dot(n, r.off(t)) < 0.0f ? -n : n;
}

// Where a strip's face vertices lie across the fan: even in angle between its cuts, so they
// crowd toward both (the borders round off there, and a cut's corner normal is copied from its
// near neighbour).
float faceT(float t0, float t1, int i, int count) {
    const float s = static_cast<float>(i) / (count - 1);
    return t0 + (t1 - t0) * 0.5f * (1.0f - std::cos(kPi * s));
}

}  // namespace

std::vector<TriangleMesh> sweepFan(const std::vector<FanGuide>& guides, int samplesPerSpan,
                                   int faceVertices, bool onePiece) {
    const std::size_t k = guides.size();
    std::vector<TriangleMesh> strips(onePiece ? 1 : k);
    if (k < 2) return strips;
    const std::size_t stations = guides[0].stations.size();
    for (const auto& g : guides)
        if (g.stations.size() != stations || stations < 2) return strips;
    const int per = std::max(1, samplesPerSpan);
    // One piece spans the whole fan: as many face vertices as all its strips would have.
    const int face = std::max(4, faceVertices) * (onePiece ? static_cast<int>(k) : 1);
    constexpr int kWall = 3;  // vertices inside each cut's wall
    constexpr int kCaps = 4;  // rings rounding off each end

    std::vector<std::vector<Sample>> sampled, bowed;
    for (const auto& g : guides) {
        sampled.push_back(sampleStations(g.stations, per));
        // The bows sampled like the stations (carried as half widths: they may be zero).
        std::vector<SweepStation> bows = g.stations;
        for (std::size_t i = 0; i < bows.size(); ++i)
            bows[i].halfWidth = 100.0f + (i < g.bows.size() ? g.bows[i] : 0.0f);
        bowed.push_back(sampleStations(bows, per));
    }
    const std::size_t m = sampled[0].size();
    std::vector<FanRow> rows(m);
    for (std::size_t j = 0; j < m; ++j) {
        FanRow& r = rows[j];
        for (std::size_t g = 0; g < k; ++g) {
            r.points.push_back(sampled[g][j].centre);
            r.thick.push_back(sampled[g][j].b);
            r.outward.push_back(glm::normalize(guides[g].outward));
            if (g + 1 < k) r.bows.push_back(bowed[g][j].a - 100.0f);
        }
        // The borders lie the outer guides' half widths beyond them.
        auto reach = [&](std::size_t g, std::size_t next) {
            const float gap = std::max(glm::length(r.points[g] - r.points[next]), 1e-3f);
            return std::clamp(sampled[g][j].a / gap, 0.2f, 1.0f);
        };
        r.tMin = -reach(0, 1);
        r.tMax = static_cast<float>(k - 1) + reach(k - 1, k - 2);
    }

    for (std::size_t g = 0; g < strips.size(); ++g) {
        const bool edge0 = onePiece || g == 0, edge1 = onePiece || g == k - 1;
        // The guide whose length and tendon transition the strip follows (one piece: the middle).
        const std::size_t lead = onePiece ? k / 2 : g;
        // The strip's cuts: halfway to its neighbours, or the fan's border.
        auto cuts = [&](const FanRow& r) {
            return std::pair{edge0 ? r.tMin : g - 0.5f, edge1 ? r.tMax : g + 0.5f};
        };
        // The outline of row j: t and side (+1 outer face, -1 deep face, or between on a wall).
        struct Point {
            float t, side;
        };
        auto outline = [&](const FanRow& r) {
            const auto [t0, t1] = cuts(r);
            std::vector<Point> out;
            for (int i = face - 1; i >= 0; --i) out.push_back({faceT(t0, t1, i, face), 1.0f});
            if (!edge0)
                for (int w = 1; w <= kWall; ++w) out.push_back({t0, 1.0f - 2.0f * w / (kWall + 1)});
            for (int i = edge0 ? 1 : 0; i < (edge1 ? face - 1 : face); ++i)
                out.push_back({faceT(t0, t1, i, face), -1.0f});
            if (!edge1)
                for (int w = 1; w <= kWall; ++w)
                    out.push_back({t1, -1.0f + 2.0f * w / (kWall + 1)});
            return out;
        };
        // Ring of row j; the ends are rounded by `phi` (0: the row itself), reaching `reach`
        // half thicknesses on along the sweep (negative: back from the origin).
        std::vector<glm::vec3> ringFibre;  // per vertex, for the rows in order
        auto ringAt = [&](std::size_t j, float phi, float reach) {
            std::vector<glm::vec3> ring;
            for (const Point& p : outline(rows[j])) {
                const float b = rows[j].halfThickness(p.t);
                const glm::vec3 along = rowTangent(rows, j, p.t);
                ring.push_back(rows[j].mid(p.t) +
                               sheetNormal(rows, j, p.t) * (p.side * b * std::cos(phi)) +
                               along * (reach * b * std::sin(phi)));
                ringFibre.push_back(along);
            }
            return ring;
        };
        // Fraction of this guide's length from its origin at each row.
        std::vector<float> along(m, 0.0f);
        for (std::size_t j = 1; j < m; ++j)
            along[j] =
                along[j - 1] + glm::length(sampled[lead][j].centre - sampled[lead][j - 1].centre);
        for (auto& a : along) a /= std::max(along.back(), 1e-6f);
        const FanGuide& guide = guides[lead];
        const float blend = std::max(guide.tendonBlend, 1e-3f);
        auto tendon = [&](float a) {
            return smoothStep(guide.tendonFrom - 0.5f * blend, guide.tendonFrom + 0.5f * blend, a);
        };

        RingStack stack;
        auto push = [&](std::vector<glm::vec3> ring, float a) {
            stack.rings.push_back(std::move(ring));
            stack.ringTendon.push_back(tendon(a));
        };
        // The origin is fleshy, along the bone: it ends nearly square there (a full rounding
        // would run on past the attachment, over the crest and into it).
        constexpr float kOriginReach = -0.4f;
        for (int c = kCaps; c >= 1; --c)
            push(ringAt(0, 0.5f * kPi * c / (kCaps + 1), kOriginReach), 0.0f);
        for (std::size_t j = 0; j < m; ++j) push(ringAt(j, 0.0f, 1.0f), along[j]);
        for (int c = 1; c <= kCaps; ++c)
            push(ringAt(m - 1, 0.5f * kPi * c / (kCaps + 1), 1.0f), 1.0f);
        auto centroid = [](const std::vector<glm::vec3>& ring) {
            glm::vec3 sum(0.0f);
            for (const auto& p : ring) sum += p;
            return sum / static_cast<float>(ring.size());
        };
        stack.startApex = centroid(stack.rings.front());
        stack.endApex = centroid(stack.rings.back());
        stack.startTendon = tendon(0.0f);
        stack.endTendon = tendon(1.0f);
        if (guide.tendonFrom >= 1.0f) stack.ringTendon.clear();
        // One piece: the origin ring bends across the whole curved origin, so it is zipped shut
        // from the border at tMin (outline vertex face - 1) rather than fanned to its centroid.
        if (onePiece) stack.startZipTip = face - 1;
        TriangleMesh mesh = closeRings(stack);
        if (mesh.empty()) continue;

        // Per-vertex fibres: along the sheet where the vertex lies (the fan converges).
        const std::size_t n = stack.rings.front().size();
        // The first ring vertex: after the start apex, or at 0 where the ring was zipped shut.
        const std::size_t first = mesh.positions.size() - ringFibre.size() - 1;
        mesh.fibres.assign(mesh.positions.size(), glm::vec3(0.0f));
        for (std::size_t v = 0; v < ringFibre.size(); ++v) mesh.fibres[first + v] = ringFibre[v];
        if (first == 1) mesh.fibres.front() = ringFibre[n / 2];
        mesh.fibres.back() = ringFibre[ringFibre.size() - n / 2];
        // A cut's corner vertices take the outer (or deep) face's normal from their neighbour a
        // hair inside the face, not the average with the hidden wall: no shading seam.
        const std::size_t bottom = face + (edge0 ? 0 : kWall);
        const std::size_t bottomCount = face - (edge0 ? 1 : 0) - (edge1 ? 1 : 0);
        for (std::size_t r = 0; r < stack.rings.size(); ++r) {
            auto copy = [&](std::size_t to, std::size_t from) {
                mesh.normals[first + r * n + to] = mesh.normals[first + r * n + from];
            };
            if (!edge1) copy(0, 1), copy(bottom + bottomCount - 1, bottom + bottomCount - 2);
            if (!edge0) copy(face - 1, face - 2), copy(bottom, bottom + 1);
        }
        for (std::size_t i = 0; i < mesh.fibres.size(); ++i) {
            const glm::vec3& nn = mesh.normals[i];
            glm::vec3 f = mesh.fibres[i] - nn * glm::dot(mesh.fibres[i], nn);
            if (glm::length(f) < 1e-3f)
                f = glm::cross(nn, std::abs(nn.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0));
            mesh.fibres[i] = glm::normalize(f);
        }
        strips[g] = std::move(mesh);
    }
    return strips;
}

}  // namespace medius::anatomy
