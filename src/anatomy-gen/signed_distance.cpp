#include "anatomy-gen/signed_distance.hpp"

#include <algorithm>
#include <cmath>

namespace medius::anatomy::sdf {

float sphere(const glm::vec3& p, const glm::vec3& centre, float radius) {
    return glm::length(p - centre) - radius;
}

float roundCone(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float ra, float rb) {
    // Inigo Quilez's exact round-cone distance, written out in terms of the segment a-b.
    const glm::vec3 ba = b - a;
    const float l2 = glm::dot(ba, ba);
    if (l2 < 1e-12f) return glm::length(p - a) - std::max(ra, rb);
    const float rr = ra - rb;
    const float a2 = l2 - rr * rr;
    const float il2 = 1.0f / l2;
    const glm::vec3 pa = p - a;
    const float y = glm::dot(pa, ba);
    const float z = y - l2;
    const glm::vec3 xv = pa * l2 - ba * y;
    const float x2 = glm::dot(xv, xv);
    const float y2 = y * y * l2;
    const float z2 = z * z * l2;
    const float k = (rr > 0.0f ? 1.0f : -1.0f) * rr * rr * x2;
    if ((z > 0.0f ? 1.0f : -1.0f) * a2 * z2 > k) return std::sqrt(x2 + z2) * il2 - rb;
    if ((y > 0.0f ? 1.0f : -1.0f) * a2 * y2 < k) return std::sqrt(x2 + y2) * il2 - ra;
    return (std::sqrt(x2 * a2 * il2) + y * rr) * il2 - ra;
}

float ellipsoid(const glm::vec3& p, const glm::vec3& centre, const glm::mat3& axes,
                const glm::vec3& radii) {
    const glm::vec3 q = glm::transpose(axes) * (p - centre);
    const float k0 = glm::length(q / radii);
    const float k1 = glm::length(q / (radii * radii));
    if (k1 < 1e-12f) return -std::min(radii.x, std::min(radii.y, radii.z));
    return k0 * (k0 - 1.0f) / k1;
}

float roundBox(const glm::vec3& p, const glm::vec3& centre, const glm::mat3& axes,
               const glm::vec3& halfExtents, float rounding) {
    const glm::vec3 q = glm::abs(glm::transpose(axes) * (p - centre)) - halfExtents + rounding;
    return glm::length(glm::max(q, 0.0f)) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) -
           rounding;
}

float triangleSlab(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                   float halfThickness) {
    const glm::vec3 ba = b - a, pa = p - a, cb = c - b, pb = p - b, ac = a - c, pc = p - c;
    const glm::vec3 nor = glm::cross(ba, ac);
    auto sgn = [](float v) { return v > 0.0f ? 1.0f : (v < 0.0f ? -1.0f : 0.0f); };
    auto dot2 = [](const glm::vec3& v) { return glm::dot(v, v); };
    float d2;
    if (sgn(glm::dot(glm::cross(ba, nor), pa)) + sgn(glm::dot(glm::cross(cb, nor), pb)) +
            sgn(glm::dot(glm::cross(ac, nor), pc)) <
        2.0f) {
        d2 = std::min(std::min(dot2(ba * std::clamp(glm::dot(ba, pa) / dot2(ba), 0.0f, 1.0f) - pa),
                               dot2(cb * std::clamp(glm::dot(cb, pb) / dot2(cb), 0.0f, 1.0f) - pb)),
                      dot2(ac * std::clamp(glm::dot(ac, pc) / dot2(ac), 0.0f, 1.0f) - pc));
    } else {
        const float d = glm::dot(nor, pa);
        d2 = d * d / dot2(nor);
    }
    return std::sqrt(d2) - halfThickness;
}

float halfSpace(const glm::vec3& p, const glm::vec3& point, const glm::vec3& normal) {
    return glm::dot(p - point, glm::normalize(normal));
}

float smoothMin(float a, float b, float k) {
    if (k <= 0.0f) return std::min(a, b);
    const float h = std::max(k - std::abs(a - b), 0.0f) / k;
    return std::min(a, b) - h * h * k * 0.25f;
}

float smoothMax(float a, float b, float k) {
    return -smoothMin(-a, -b, k);
}

float distanceToBox(const glm::vec3& p, const glm::vec3& lo, const glm::vec3& hi) {
    const glm::vec3 d = glm::max(glm::max(lo - p, p - hi), 0.0f);
    return glm::length(d);
}

glm::mat3 frameFrom(const glm::vec3& primary, const glm::vec3& secondary) {
    const glm::vec3 u = glm::normalize(primary);
    glm::vec3 v = secondary - u * glm::dot(secondary, u);
    if (glm::length(v) < 1e-6f) v = std::abs(u.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    v = glm::normalize(v - u * glm::dot(v, u));
    return glm::mat3(u, v, glm::cross(u, v));
}

}  // namespace medius::anatomy::sdf
