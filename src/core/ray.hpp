#pragma once
// Ray casting against the real triangles, used for zoom-to-cursor and
// double-click re-centring (and later for picking).
#include <glm/glm.hpp>
#include <optional>

namespace medius {

struct TriangleMesh;
class Scene;
struct Bounds;

struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f};  // unit
};

struct RayHit {
    float distance = 0.0f;
    glm::vec3 point{0.0f};
    int structureIndex = -1;  // index into Scene::structures()
    int triangle = -1;
};

// Möller–Trumbore; returns the distance along the ray, both faces count.
std::optional<float> intersectTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b,
                                       const glm::vec3& c);
bool intersectsBounds(const Ray& ray, const Bounds& bounds);
std::optional<RayHit> raycast(const TriangleMesh& mesh, const Ray& ray);
// Nearest hit over all structures; `visible` may be null (all visible).
std::optional<RayHit> raycast(const Scene& scene, const Ray& ray);

}  // namespace medius
