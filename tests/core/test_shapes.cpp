#include "test_shapes.hpp"

#include <cmath>

namespace medius::test {

TriangleMesh makeBox(const glm::vec3& lo, const glm::vec3& hi) {
    TriangleMesh m;
    // Each face: outward normal and four corners counter-clockwise seen from outside.
    const glm::vec3 c[8] = {{lo.x, lo.y, lo.z}, {hi.x, lo.y, lo.z}, {hi.x, hi.y, lo.z},
                            {lo.x, hi.y, lo.z}, {lo.x, lo.y, hi.z}, {hi.x, lo.y, hi.z},
                            {hi.x, hi.y, hi.z}, {lo.x, hi.y, hi.z}};
    const int faces[6][4] = {{0, 3, 2, 1}, {4, 5, 6, 7}, {0, 4, 7, 3},
                             {1, 2, 6, 5}, {0, 1, 5, 4}, {3, 7, 6, 2}};
    for (const auto& f : faces) {
        const auto base = static_cast<std::uint32_t>(m.positions.size());
        const glm::vec3 n = glm::normalize(glm::cross(c[f[1]] - c[f[0]], c[f[2]] - c[f[0]]));
        for (int k = 0; k < 4; ++k) {
            m.positions.push_back(c[f[k]]);
            m.normals.push_back(n);
        }
        for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) m.indices.push_back(base + i);
    }
    return m;
}

TriangleMesh makeSphere(const glm::vec3& centre, float radius, int slices, int stacks) {
    TriangleMesh m;
    const float pi = 3.14159265358979f;
    for (int i = 0; i <= stacks; ++i) {
        const float theta = pi * i / stacks;  // from the north pole
        for (int j = 0; j <= slices; ++j) {
            const float phi = 2.0f * pi * j / slices;
            const glm::vec3 n(std::sin(theta) * std::cos(phi), std::cos(theta),
                              -std::sin(theta) * std::sin(phi));
            m.positions.push_back(centre + n * radius);
            m.normals.push_back(n);
        }
    }
    const int row = slices + 1;
    for (int i = 0; i < stacks; ++i)
        for (int j = 0; j < slices; ++j) {
            const std::uint32_t a = i * row + j, b = a + row, c = b + 1, d = a + 1;
            if (i != 0) m.indices.insert(m.indices.end(), {a, b, d});
            if (i != stacks - 1) m.indices.insert(m.indices.end(), {d, b, c});
        }
    return m;
}

}  // namespace medius::test
