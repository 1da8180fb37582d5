#include "core/mesh_simplify.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

using namespace medius;

namespace {

// A UV sphere of radius r with about 2 * rings * segments triangles, wound outward.
TriangleMesh sphere(float r, int rings, int segments) {
    TriangleMesh m;
    m.positions.emplace_back(0, r, 0);
    for (int i = 1; i < rings; ++i) {
        const float t = 3.14159265f * i / rings;
        for (int j = 0; j < segments; ++j) {
            const float p = 6.2831853f * j / segments;
            m.positions.emplace_back(r * std::sin(t) * std::cos(p), r * std::cos(t),
                                     r * std::sin(t) * std::sin(p));
        }
    }
    m.positions.emplace_back(0, -r, 0);
    const auto ring = [&](int i, int j) {
        return static_cast<std::uint32_t>(1 + (i - 1) * segments + (j % segments));
    };
    const auto bottom = static_cast<std::uint32_t>(m.positions.size() - 1);
    for (int j = 0; j < segments; ++j)
        m.indices.insert(m.indices.end(), {0, ring(1, j + 1), ring(1, j)});
    for (int i = 1; i < rings - 1; ++i)
        for (int j = 0; j < segments; ++j)
            m.indices.insert(m.indices.end(), {ring(i, j), ring(i, j + 1), ring(i + 1, j),
                                               ring(i, j + 1), ring(i + 1, j + 1), ring(i + 1, j)});
    for (int j = 0; j < segments; ++j)
        m.indices.insert(m.indices.end(), {bottom, ring(rings - 1, j), ring(rings - 1, j + 1)});
    m.computeNormals();
    return m;
}

}  // namespace

TEST(MeshSimplify, AboutTheTargetOverTheSameVerticesKeepingShapeAndWinding) {
    const TriangleMesh full = sphere(50.0f, 120, 160);
    ASSERT_GT(full.triangleCount(), 30000u);
    ASSERT_GT(signedVolume(full), 0.0);
    const std::size_t target = interactiveTriangleTarget(full.triangleCount());
    EXPECT_EQ(target, full.triangleCount() / 8);
    const auto coarse = clusteredIndices(full, target);
    const std::size_t triangles = coarse.size() / 3;
    EXPECT_GT(triangles, target * 6 / 10);
    EXPECT_LT(triangles, target * 14 / 10);
    std::set<std::uint32_t> used(coarse.begin(), coarse.end());
    EXPECT_LT(*used.rbegin(), full.positions.size()) << "indices into the same vertex array";
    TriangleMesh simplified = full;
    simplified.indices = coarse;
    // Still a sphere of radius 50: volume within 5%, still wound outward.
    const double want = 4.0 / 3.0 * 3.14159265 * 50.0 * 50.0 * 50.0;
    EXPECT_NEAR(signedVolume(simplified), want, want * 0.05);
    for (std::size_t t = 0; t < coarse.size(); t += 3)
        EXPECT_TRUE(coarse[t] != coarse[t + 1] && coarse[t + 1] != coarse[t + 2] &&
                    coarse[t] != coarse[t + 2]);
}

TEST(MeshSimplify, SmallMeshesStayAsTheyAre) {
    const TriangleMesh small = sphere(10.0f, 20, 30);  // 1140 triangles
    EXPECT_EQ(interactiveTriangleTarget(small.triangleCount()), small.triangleCount());
    EXPECT_EQ(clusteredIndices(small, small.triangleCount()), small.indices);
    EXPECT_EQ(clusteredIndices(small, 0), small.indices);
    EXPECT_TRUE(clusteredIndices(TriangleMesh{}, 10).empty());
}
