#include "anatomy-gen/implicit_shape.hpp"

#include <algorithm>

#include "anatomy-gen/signed_distance.hpp"

namespace medius::anatomy {

namespace {
Primitive boxed(std::function<float(const glm::vec3&)> f, const glm::vec3& lo,
                const glm::vec3& hi) {
    return Primitive{std::move(f), lo, hi};
}
}  // namespace

Primitive Primitive::sphere(const glm::vec3& c, float r) {
    return boxed([=](const glm::vec3& p) { return sdf::sphere(p, c, r); }, c - r, c + r);
}

Primitive Primitive::roundCone(const glm::vec3& a, const glm::vec3& b, float ra, float rb) {
    return boxed([=](const glm::vec3& p) { return sdf::roundCone(p, a, b, ra, rb); },
                 glm::min(a - ra, b - rb), glm::max(a + ra, b + rb));
}

Primitive Primitive::capsule(const glm::vec3& a, const glm::vec3& b, float r) {
    return roundCone(a, b, r, r);
}

Primitive Primitive::ellipsoid(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& r) {
    const float m = std::max(r.x, std::max(r.y, r.z));
    return boxed([=](const glm::vec3& p) { return sdf::ellipsoid(p, c, axes, r); }, c - m, c + m);
}

Primitive Primitive::roundBox(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& h,
                              float rounding) {
    const float m = glm::length(h);
    return boxed([=](const glm::vec3& p) { return sdf::roundBox(p, c, axes, h, rounding); }, c - m,
                 c + m);
}

Primitive Primitive::triangleSlab(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                                  float t) {
    return boxed([=](const glm::vec3& p) { return sdf::triangleSlab(p, a, b, c, t); },
                 glm::min(a, glm::min(b, c)) - t, glm::max(a, glm::max(b, c)) + t);
}

Primitive Primitive::halfSpace(const glm::vec3& point, const glm::vec3& n) {
    return Primitive{[=](const glm::vec3& p) { return sdf::halfSpace(p, point, n); }};
}

Primitive Primitive::solid(ImplicitShape shape) {
    const Bounds b = shape.bounds();
    return Primitive{[shape = std::move(shape)](const glm::vec3& p) { return shape.distance(p); },
                     b.min, b.max};
}

void ImplicitShape::add(Primitive p, float blend) {
    ops_.push_back({Kind::Union, std::move(p), blend});
}
void ImplicitShape::carve(Primitive p, float blend) {
    ops_.push_back({Kind::Carve, std::move(p), blend});
}
void ImplicitShape::clip(Primitive p, float blend) {
    ops_.push_back({Kind::Clip, std::move(p), blend});
}

float ImplicitShape::distance(const glm::vec3& p) const {
    float d = 1e30f;
    for (const auto& op : ops_) {
        // The box distance is a lower bound of the primitive's distance: when even that bound
        // cannot change the result (the smooth blend is exact beyond `blend`), skip the call.
        const float bound = sdf::distanceToBox(p, op.prim.lo, op.prim.hi);
        switch (op.kind) {
            case Kind::Union:
                if (bound >= d + op.blend) continue;
                d = sdf::smoothMin(d, op.prim.distance(p), op.blend);
                break;
            case Kind::Carve:
                if (bound >= op.blend - d) continue;
                d = sdf::smoothMax(d, -op.prim.distance(p), op.blend);
                break;
            case Kind::Clip:
                d = sdf::smoothMax(d, op.prim.distance(p), op.blend);
                break;
        }
    }
    return d;
}

Bounds ImplicitShape::bounds() const {
    Bounds b;
    for (const auto& op : ops_) {
        if (op.kind != Kind::Union) continue;
        b.extend(op.prim.lo - op.blend);
        b.extend(op.prim.hi + op.blend);
    }
    return b;
}

}  // namespace medius::anatomy
