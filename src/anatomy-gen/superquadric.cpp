#include "anatomy-gen/superquadric.hpp"

#include <algorithm>
#include <cmath>

#include "anatomy-gen/mesh_ops.hpp"
#include "anatomy-gen/ring_mesh.hpp"

namespace medius::anatomy {

namespace {
constexpr float kPi = 3.14159265358979f;
float signedPow(float v, float e) {
    return std::copysign(std::pow(std::abs(v), e), v);
}
}  // namespace

TriangleMesh superquadric(const SuperquadricShape& s) {
    RingStack stack;
    const int rings = std::max(3, s.rings), seg = std::max(3, s.segments);
    const float pn = 2.0f / s.north, pe = 2.0f / s.east;
    for (int j = 1; j < rings; ++j) {
        const float v = -0.5f * kPi + kPi * static_cast<float>(j) / rings;  // latitude
        const float cv = signedPow(std::cos(v), pn), sv = signedPow(std::sin(v), pn);
        std::vector<glm::vec3> ring(seg);
        for (int i = 0; i < seg; ++i) {
            const float u = 2.0f * kPi * static_cast<float>(i) / seg;
            ring[i] = {s.radii.x * cv * signedPow(std::cos(u), pe), s.radii.y * sv,
                       s.radii.z * cv * signedPow(std::sin(u), pe)};
        }
        stack.rings.push_back(std::move(ring));
    }
    stack.startApex = {0.0f, -s.radii.y, 0.0f};
    stack.endApex = {0.0f, s.radii.y, 0.0f};
    return closeRings(stack);
}

void wrapAroundAxis(TriangleMesh& mesh, const glm::vec3& axisPoint, const glm::vec3& axisDirection,
                    const glm::vec3& zeroDirection, float radius) {
    const glm::vec3 axis = glm::normalize(axisDirection);
    const glm::vec3 e0 = glm::normalize(zeroDirection - axis * glm::dot(zeroDirection, axis));
    const glm::vec3 e1 = glm::cross(axis, e0);
    for (auto& p : mesh.positions) {
        const float angle = p.x / radius;
        const float r = radius + p.z;
        p = axisPoint + axis * p.y + r * (std::cos(angle) * e0 + std::sin(angle) * e1);
    }
    orientOutward(mesh);
    mesh.computeNormals();
}

}  // namespace medius::anatomy
