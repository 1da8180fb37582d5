#include <gtest/gtest.h>

#include "core/ray.hpp"
#include "core/structure.hpp"
#include "test_shapes.hpp"

using namespace medius;

TEST(Ray, HitsTriangleInsideAndMissesOutside) {
    const glm::vec3 a(0, 0, 0), b(10, 0, 0), c(0, 10, 0);
    auto t = intersectTriangle({glm::vec3(2, 2, 5), glm::vec3(0, 0, -1)}, a, b, c);
    ASSERT_TRUE(t);
    EXPECT_NEAR(*t, 5.0f, 1e-5f);
    EXPECT_FALSE(intersectTriangle({glm::vec3(8, 8, 5), glm::vec3(0, 0, -1)}, a, b, c));
    EXPECT_FALSE(intersectTriangle({glm::vec3(2, 2, 5), glm::vec3(0, 0, 1)}, a, b, c))
        << "behind the origin";
}

TEST(Ray, SceneCastReturnsNearestStructure) {
    Scene scene;
    scene.add({"far", "Far", "", Layer::Bone, Side::None, test::makeBox({-5, -5, -50}, {5, 5, -40})});
    scene.add({"near", "Near", "", Layer::Muscle, Side::None, test::makeBox({-5, -5, -10}, {5, 5, 0})});
    const Ray ray{glm::vec3(0, 0, 100), glm::vec3(0, 0, -1)};
    auto hit = raycast(scene, ray);
    ASSERT_TRUE(hit);
    EXPECT_EQ(scene.structures()[hit->structureIndex].id, "near");
    EXPECT_NEAR(hit->point.z, 0.0f, 1e-4f);
    EXPECT_FALSE(raycast(scene, Ray{glm::vec3(50, 0, 100), glm::vec3(0, 0, -1)}));
}
