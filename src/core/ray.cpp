#include "core/ray.hpp"

#include <algorithm>
#include <cmath>

#include "core/mesh.hpp"
#include "core/structure.hpp"

namespace medius {

std::optional<float> intersectTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b,
                                       const glm::vec3& c) {
    const glm::vec3 e1 = b - a, e2 = c - a;
    const glm::vec3 p = glm::cross(ray.direction, e2);
    const float det = glm::dot(e1, p);
    if (std::fabs(det) < 1e-12f) return std::nullopt;
    const float inv = 1.0f / det;
    const glm::vec3 s = ray.origin - a;
    const float u = glm::dot(s, p) * inv;
    if (u < 0.0f || u > 1.0f) return std::nullopt;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(ray.direction, q) * inv;
    if (v < 0.0f || u + v > 1.0f) return std::nullopt;
    const float t = glm::dot(e2, q) * inv;
    if (t <= 0.0f) return std::nullopt;
    return t;
}

bool intersectsBounds(const Ray& ray, const Bounds& bounds) {
    if (!bounds.valid()) return false;
    float tmin = 0.0f, tmax = 1e30f;
    for (int axis = 0; axis < 3; ++axis) {
        const float d = ray.direction[axis];
        if (std::fabs(d) < 1e-12f) {
            if (ray.origin[axis] < bounds.min[axis] || ray.origin[axis] > bounds.max[axis])
                return false;
            continue;
        }
        float t0 = (bounds.min[axis] - ray.origin[axis]) / d;
        float t1 = (bounds.max[axis] - ray.origin[axis]) / d;
        if (t0 > t1) std::swap(t0, t1);
        tmin = std::max(tmin, t0);
        tmax = std::min(tmax, t1);
        if (tmin > tmax) return false;
    }
    return true;
}

std::optional<RayHit> raycast(const TriangleMesh& mesh, const Ray& ray) {
    std::optional<RayHit> best;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const auto hit = intersectTriangle(ray, mesh.positions[mesh.indices[t]],
                                           mesh.positions[mesh.indices[t + 1]],
                                           mesh.positions[mesh.indices[t + 2]]);
        if (hit && (!best || *hit < best->distance)) {
            best = RayHit{*hit, ray.origin + ray.direction * *hit, -1, static_cast<int>(t / 3)};
        }
    }
    return best;
}

std::optional<RayHit> raycast(const Scene& scene, const Ray& ray) {
    std::optional<RayHit> best;
    const auto& structures = scene.structures();
    for (std::size_t i = 0; i < structures.size(); ++i) {
        // The box test skips most structures for a ray through one region.
        if (!intersectsBounds(ray, structures[i].mesh.bounds())) continue;
        auto hit = raycast(structures[i].mesh, ray);
        if (hit && (!best || hit->distance < best->distance)) {
            hit->structureIndex = static_cast<int>(i);
            best = hit;
        }
    }
    return best;
}

}  // namespace medius
