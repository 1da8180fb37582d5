#pragma once
// A bounding volume hierarchy over a scene's triangles, for exact picking:
// a ray finds its nearest triangle in microseconds instead of testing all of
// them. Built once per geometry revision.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/mesh.hpp"
#include "core/ray.hpp"

namespace medius {

class Scene;

class SceneBvh {
public:
    void build(const Scene& scene);
    // Nearest hit among the structures for which `pickable[i]` is true (all when empty).
    std::optional<RayHit> raycast(const Ray& ray, const std::vector<bool>& pickable = {}) const;
    std::size_t triangleCount() const { return triangles_.size(); }
    std::uint64_t builtRevision() const { return builtRevision_; }

private:
    struct Triangle {
        glm::vec3 a, b, c;
        std::uint32_t structure, index;
    };
    struct Node {
        Bounds box;
        std::uint32_t first = 0, count = 0;  // leaf: triangles [first, first + count)
        std::uint32_t left = 0, right = 0;   // inner: children (count == 0)
    };
    std::uint32_t buildNode(std::uint32_t first, std::uint32_t count);
    std::vector<Triangle> triangles_;
    std::vector<Node> nodes_;
    std::uint64_t builtRevision_ = ~0ull;
};

}  // namespace medius
