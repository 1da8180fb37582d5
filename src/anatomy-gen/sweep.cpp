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
    auto ringAt = [&](const glm::vec3& c, const glm::vec3& t, const glm::vec3& w, float a,
                      float b) {
        glm::vec3 major = o.keepWidthDirection ? w : w - t * glm::dot(w, t);
        if (glm::length(major) < 1e-5f || glm::length(glm::cross(major, t)) < 1e-3f * glm::length(major))
            major = std::abs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
        if (!o.keepWidthDirection) major -= t * glm::dot(major, t);
        major = glm::normalize(major);
        // Perpendicular to the width and to the sweep: the section's thickness direction.
        const glm::vec3 minor = glm::normalize(glm::cross(t, major));
        std::vector<glm::vec3> ring(n);
        for (int i = 0; i < n; ++i) {
            const glm::vec2 q = superellipse(2.0f * kPi * i / n, a, b, o.squareness);
            ring[i] = c + major * q.x + minor * q.y;
        }
        return ring;
    };
    RingStack stack;
    // Rounded end caps: rings shrink like a quarter ellipse beyond each end.
    const int caps = std::max(0, o.capRings);
    auto capRing = [&](std::size_t i, float sign, int k) {
        const float phi = 0.5f * kPi * static_cast<float>(k) / (caps + 1);
        const float shrink = std::cos(phi);
        const float reach = std::min(samples[i].a, samples[i].b) * std::sin(phi);
        return ringAt(samples[i].centre + sign * tangent[i] * reach, tangent[i], samples[i].width,
                      samples[i].a * shrink, samples[i].b * shrink);
    };
    for (int k = caps; k >= 1; --k) {
        stack.rings.push_back(capRing(0, -1.0f, k));
        stack.ringFibres.push_back(tangent[0]);
    }
    for (std::size_t i = 0; i < m; ++i) {
        stack.rings.push_back(
            ringAt(samples[i].centre, tangent[i], samples[i].width, samples[i].a, samples[i].b));
        stack.ringFibres.push_back(tangent[i]);
    }
    for (int k = 1; k <= caps; ++k) {
        stack.rings.push_back(capRing(m - 1, 1.0f, k));
        stack.ringFibres.push_back(tangent[m - 1]);
    }
    const float r0 = std::min(samples.front().a, samples.front().b);
    const float r1 = std::min(samples.back().a, samples.back().b);
    stack.startApex = samples.front().centre - tangent.front() * (caps > 0 ? r0 : 0.0f);
    stack.endApex = samples.back().centre + tangent.back() * (caps > 0 ? r1 : 0.0f);
    stack.startFibre = tangent.front();
    stack.endFibre = tangent.back();
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
