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

}  // namespace

TriangleMesh sweepTube(const std::vector<SweepStation>& st, const SweepOptions& o) {
    if (st.size() < 2) return {};
    const int n = std::max(3, o.ringVertices);
    const int per = std::max(1, o.samplesPerSpan);
    // Sample the curve.
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
