#include "core/bvh.hpp"

#include <algorithm>
#include <cmath>

#include "core/structure.hpp"

namespace medius {

namespace {
constexpr std::uint32_t kLeafSize = 8;

// Slab test returning the entry distance, so nearer boxes are visited first.
bool hitBox(const Ray& ray, const glm::vec3& inverse, const Bounds& box, float maxDistance,
            float& entry) {
    const glm::vec3 t0 = (box.min - ray.origin) * inverse;
    const glm::vec3 t1 = (box.max - ray.origin) * inverse;
    const glm::vec3 lo = glm::min(t0, t1), hi = glm::max(t0, t1);
    const float near = std::max(std::max(lo.x, lo.y), std::max(lo.z, 0.0f));
    const float far = std::min(std::min(hi.x, hi.y), std::min(hi.z, maxDistance));
    entry = near;
    return near <= far;
}
}  // namespace

void SceneBvh::build(const Scene& scene) {
    triangles_.clear();
    nodes_.clear();
    const auto& structures = scene.structures();
    for (std::uint32_t s = 0; s < structures.size(); ++s) {
        const auto& m = structures[s].mesh;
        for (std::uint32_t t = 0; t + 2 < m.indices.size(); t += 3)
            triangles_.push_back({m.positions[m.indices[t]], m.positions[m.indices[t + 1]],
                                  m.positions[m.indices[t + 2]], s, t / 3});
    }
    nodes_.reserve(2 * triangles_.size() / kLeafSize + 1);
    if (!triangles_.empty()) buildNode(0, static_cast<std::uint32_t>(triangles_.size()));
    builtRevision_ = scene.geometryRevision();
}

std::uint32_t SceneBvh::buildNode(std::uint32_t first, std::uint32_t count) {
    const std::uint32_t index = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back({});
    Bounds box, centres;
    for (std::uint32_t i = first; i < first + count; ++i) {
        const auto& t = triangles_[i];
        box.extend(t.a);
        box.extend(t.b);
        box.extend(t.c);
        centres.extend((t.a + t.b + t.c) / 3.0f);
    }
    nodes_[index].box = box;
    if (count <= kLeafSize) {
        nodes_[index].first = first;
        nodes_[index].count = count;
        return index;
    }
    // Median split along the widest axis of the centroids: simple and balanced.
    const glm::vec3 extent = centres.size();
    const int axis = extent.x > extent.y ? (extent.x > extent.z ? 0 : 2) : (extent.y > extent.z ? 1 : 2);
    const std::uint32_t mid = first + count / 2;
    std::nth_element(triangles_.begin() + first, triangles_.begin() + mid,
                     triangles_.begin() + first + count, [axis](const Triangle& x, const Triangle& y) {
                         return (x.a[axis] + x.b[axis] + x.c[axis]) < (y.a[axis] + y.b[axis] + y.c[axis]);
                     });
    const std::uint32_t left = buildNode(first, mid - first);
    const std::uint32_t right = buildNode(mid, first + count - mid);
    nodes_[index].left = left;
    nodes_[index].right = right;
    return index;
}

std::optional<RayHit> SceneBvh::raycast(const Ray& ray, const std::vector<bool>& pickable) const {
    std::optional<RayHit> best;
    if (nodes_.empty()) return best;
    const glm::vec3 inverse(1.0f / ray.direction.x, 1.0f / ray.direction.y, 1.0f / ray.direction.z);
    float bestDistance = 1e30f;
    std::uint32_t stack[64];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        float entry = 0.0f;
        if (!hitBox(ray, inverse, node.box, bestDistance, entry)) continue;
        if (node.count > 0) {
            for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
                const Triangle& t = triangles_[i];
                if (!pickable.empty() && (t.structure >= pickable.size() || !pickable[t.structure]))
                    continue;
                const auto d = intersectTriangle(ray, t.a, t.b, t.c);
                if (d && *d < bestDistance) {
                    bestDistance = *d;
                    best = RayHit{*d, ray.origin + ray.direction * *d,
                                  static_cast<int>(t.structure), static_cast<int>(t.index)};
                }
            }
            continue;
        }
        // Visit the nearer child first: its hits shrink the search for the other.
        float entryLeft = 0.0f, entryRight = 0.0f;
        const bool hitLeft = hitBox(ray, inverse, nodes_[node.left].box, bestDistance, entryLeft);
        const bool hitRight = hitBox(ray, inverse, nodes_[node.right].box, bestDistance, entryRight);
        if (top + 2 > 64) continue;  // depth is about log2(n / 8); 64 is never reached
        if (hitLeft && hitRight) {
            if (entryLeft < entryRight) {
                stack[top++] = node.right;
                stack[top++] = node.left;
            } else {
                stack[top++] = node.left;
                stack[top++] = node.right;
            }
        } else if (hitLeft) {
            stack[top++] = node.left;
        } else if (hitRight) {
            stack[top++] = node.right;
        }
    }
    return best;
}

}  // namespace medius
