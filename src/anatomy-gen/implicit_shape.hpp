#pragma once
// A bone described as a sequence of smooth unions, carvings and clippings of primitives.
// Bones are organic: smooth blends between neck and shaft, between ramus and acetabulum, read as
// bone where a union of separate closed shells would read as a toy.
#include <functional>
#include <glm/glm.hpp>
#include <vector>

#include "core/mesh.hpp"

namespace medius::anatomy {

class ImplicitShape;

struct Primitive {
    std::function<float(const glm::vec3&)> distance;
    // Box that contains the primitive's solid; infinite for half-spaces.
    glm::vec3 lo{-1e30f};
    glm::vec3 hi{1e30f};

    static Primitive sphere(const glm::vec3& centre, float radius);
    static Primitive roundCone(const glm::vec3& a, const glm::vec3& b, float ra, float rb);
    static Primitive capsule(const glm::vec3& a, const glm::vec3& b, float radius);
    static Primitive ellipsoid(const glm::vec3& centre, const glm::mat3& axes,
                               const glm::vec3& radii);
    static Primitive roundBox(const glm::vec3& centre, const glm::mat3& axes,
                              const glm::vec3& halfExtents, float rounding);
    static Primitive triangleSlab(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                                  float halfThickness);
    static Primitive halfSpace(const glm::vec3& point, const glm::vec3& outwardNormal);
    // A composite solid used as one primitive (e.g. a clipped shell blended into a bone).
    static Primitive solid(ImplicitShape shape);
};

class ImplicitShape {
  public:
    // Smooth union with what is there so far (blend radius in mm).
    void add(Primitive p, float blend = 0.0f);
    // Smooth subtraction: removes the primitive's solid.
    void carve(Primitive p, float blend = 0.0f);
    // Smooth intersection: keeps only what is inside the primitive.
    void clip(Primitive p, float blend = 0.0f);

    float distance(const glm::vec3& p) const;
    // Box around everything added (carvings and clippings only remove material).
    Bounds bounds() const;
    bool empty() const { return ops_.empty(); }

  private:
    enum class Kind { Union, Carve, Clip };
    struct Op {
        Kind kind;
        Primitive prim;
        float blend;
    };
    std::vector<Op> ops_;
};

}  // namespace medius::anatomy
