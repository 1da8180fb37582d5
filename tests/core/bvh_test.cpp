#include <gtest/gtest.h>

#include <random>

#include "core/bvh.hpp"
#include "core/structure.hpp"
#include "test_shapes.hpp"

using namespace medius;

TEST(SceneBvh, AgreesWithBruteForceOnRandomRays) {
    Scene scene;
    scene.add({"a", "A", "", Layer::Bone, Side::None, test::makeSphere({0, 0, 0}, 50, 64, 32)});
    scene.add({"b", "B", "", Layer::Muscle, Side::None, test::makeSphere({40, 10, 0}, 30, 48, 24)});
    scene.add({"c", "C", "", Layer::Tendon, Side::None, test::makeBox({-80, -80, -10}, {-60, 80, 10})});
    SceneBvh bvh;
    bvh.build(scene);
    EXPECT_EQ(bvh.triangleCount(), scene.triangleCount());
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    int hits = 0;
    for (int i = 0; i < 2000; ++i) {
        const glm::vec3 origin(u(rng) * 200, u(rng) * 200, 300);
        const glm::vec3 target(u(rng) * 80, u(rng) * 80, u(rng) * 40);
        const Ray ray{origin, glm::normalize(target - origin)};
        const auto fast = bvh.raycast(ray);
        const auto slow = raycast(scene, ray);
        ASSERT_EQ(fast.has_value(), slow.has_value()) << i;
        if (!fast) continue;
        ++hits;
        EXPECT_NEAR(fast->distance, slow->distance, 1e-3f) << i;
        EXPECT_EQ(fast->structureIndex, slow->structureIndex) << i;
    }
    EXPECT_GT(hits, 500) << "the rays were aimed at the shapes";
}

TEST(SceneBvh, SkipsStructuresThatAreNotPickable) {
    Scene scene;
    scene.add({"front", "Front", "", Layer::Muscle, Side::None, test::makeBox({-10, -10, 10}, {10, 10, 20})});
    scene.add({"back", "Back", "", Layer::Bone, Side::None, test::makeBox({-10, -10, -20}, {10, 10, -10})});
    SceneBvh bvh;
    bvh.build(scene);
    const Ray ray{glm::vec3(0, 0, 100), glm::vec3(0, 0, -1)};
    EXPECT_EQ(bvh.raycast(ray)->structureIndex, 0);
    EXPECT_EQ(bvh.raycast(ray, {false, true})->structureIndex, 1) << "a hidden front lets the back be picked";
    EXPECT_FALSE(bvh.raycast(ray, {false, false}));
    SceneBvh empty;
    empty.build(Scene{});
    EXPECT_FALSE(empty.raycast(ray));
}
