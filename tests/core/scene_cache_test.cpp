#include "core/scene_cache.hpp"

#include <gtest/gtest.h>

#include "test_shapes.hpp"

using namespace medius;

namespace {

Scene sample() {
    Scene scene;
    Structure a;
    a.id = "gluteus_medius_middle_r";
    a.name = "Gluteus medius (middle part)";
    a.latin = "Musculus gluteus medius";
    a.layer = Layer::Muscle;
    a.side = Side::Right;
    a.mesh.positions = {{0, 0, 0}, {10, 0, 0}, {0, 10, 0}, {0, 0, 10}};
    a.mesh.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
    a.mesh.fibres.assign(4, glm::vec3(0, 1, 0));
    a.mesh.tendonFractions = {0.0f, 0.25f, 0.5f, 1.0f};
    scene.add(a);
    Structure b;
    b.id = "sacrum";
    b.name = "Sacrum";
    b.layer = Layer::Bone;
    b.mesh = a.mesh;
    b.mesh.fibres.clear();
    b.mesh.tendonFractions.clear();
    scene.add(b);
    scene.setLandmark("greater_trochanter_r", {1.5f, -80.0f, 120.25f});
    return scene;
}

}  // namespace

TEST(SceneCache, RoundTripKeepsEverything) {
    const Scene original = sample();
    const std::string bytes = serializeScene(original, 42);
    std::string why;
    const auto back = deserializeScene(bytes, 42, why);
    ASSERT_TRUE(back) << why;
    ASSERT_EQ(back->size(), original.size());
    for (std::size_t i = 0; i < original.size(); ++i) {
        const Structure& a = original.structures()[i];
        const Structure& b = back->structures()[i];
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.latin, b.latin);
        EXPECT_EQ(a.layer, b.layer);
        EXPECT_EQ(a.side, b.side);
        EXPECT_EQ(a.mesh.positions, b.mesh.positions);
        EXPECT_EQ(a.mesh.normals, b.mesh.normals);
        EXPECT_EQ(a.mesh.fibres, b.mesh.fibres);
        EXPECT_EQ(a.mesh.tendonFractions, b.mesh.tendonFractions);
        EXPECT_EQ(a.mesh.indices, b.mesh.indices);
    }
    EXPECT_EQ(back->landmarks(), original.landmarks());
}

TEST(SceneCache, OtherKeyTruncationAndCorruptionAreRejectedWithAReason) {
    const std::string bytes = serializeScene(sample(), 7);
    std::string why;
    EXPECT_FALSE(deserializeScene(bytes, 8, why));
    EXPECT_NE(why.find("other content"), std::string::npos) << why;
    for (std::size_t cut :
         {std::size_t{0}, std::size_t{5}, std::size_t{30}, bytes.size() / 2, bytes.size() - 1}) {
        why.clear();
        EXPECT_FALSE(deserializeScene(bytes.substr(0, cut), 7, why)) << cut;
        EXPECT_FALSE(why.empty());
    }
    // Every single flipped byte in the body is caught (by the checksum, or the magic).
    for (std::size_t at = 0; at < bytes.size(); at += 7) {
        std::string bad = bytes;
        bad[at] = static_cast<char>(bad[at] ^ 0x5a);
        why.clear();
        EXPECT_FALSE(deserializeScene(bad, 7, why)) << "byte " << at;
    }
    EXPECT_FALSE(deserializeScene("garbage that is long enough to hold a header", 7, why));
}

TEST(SceneCache, Fnv1aIsTheStandardHash) {
    // Published FNV-1a 64 test vectors.
    EXPECT_EQ(fnv1a("", 0), 0xcbf29ce484222325ull);
    EXPECT_EQ(fnv1a("a", 1), 0xaf63dc4c8601ec8cull);
    EXPECT_EQ(fnv1a("foobar", 6), 0x85944171f73967e8ull);
}
