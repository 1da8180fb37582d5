#include <gtest/gtest.h>

#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

#include "core/mesh.hpp"
#include "core/structure.hpp"
#include "test_shapes.hpp"

using namespace medius;

TEST(Mesh, BoxVolumeAreaAndBoundsAreExact) {
    const auto box = test::makeBox({0, 0, 0}, {10, 20, 30});
    EXPECT_NEAR(signedVolume(box), 6000.0, 1e-6);
    EXPECT_NEAR(surfaceArea(box), 2 * (200 + 600 + 300), 1e-6);
    const Bounds b = box.bounds();
    EXPECT_EQ(b.min, glm::vec3(0, 0, 0));
    EXPECT_EQ(b.max, glm::vec3(10, 20, 30));
    EXPECT_EQ(box.validate(), "");
}

TEST(Mesh, SphereIsOutwardWoundAndCloseToAnalyticVolume) {
    const auto s = test::makeSphere({5, 5, 5}, 10.0f, 96, 48);
    const double v = signedVolume(s);
    EXPECT_GT(v, 0.0) << "faces must wind outward";
    EXPECT_NEAR(v, 4.0 / 3.0 * M_PI * 1000.0, 4.0 / 3.0 * M_PI * 1000.0 * 0.01);
}

TEST(Mesh, ComputedNormalsPointOutwardOnSphere) {
    auto s = test::makeSphere({0, 0, 0}, 3.0f);
    s.normals.clear();
    s.computeNormals();
    ASSERT_EQ(s.normals.size(), s.positions.size());
    std::vector<bool> used(s.positions.size(), false);
    for (auto i : s.indices) used[i] = true;  // pole copies of the UV grid are unreferenced
    for (std::size_t i = 0; i < s.positions.size(); ++i)
        if (used[i]) {
            EXPECT_GT(glm::dot(s.normals[i], glm::normalize(s.positions[i])), 0.95f) << i;
        }
}

TEST(Mesh, AppendRebasesIndicesAndTransformMovesPoints) {
    auto a = test::makeBox({0, 0, 0}, {1, 1, 1});
    const auto b = test::makeBox({2, 0, 0}, {3, 1, 1});
    a.append(b);
    EXPECT_EQ(a.vertexCount(), 48u);
    EXPECT_EQ(a.triangleCount(), 24u);
    EXPECT_NEAR(signedVolume(a), 2.0, 1e-6);
    a.transform(glm::translate(glm::mat4(1.0f), glm::vec3(0, 100, 0)));
    EXPECT_NEAR(a.bounds().min.y, 100.0f, 1e-4f);
    EXPECT_EQ(a.validate(), "");
}

TEST(Mesh, ValidateNamesTheProblem) {
    auto m = test::makeBox({0, 0, 0}, {1, 1, 1});
    m.indices[5] = 999;
    EXPECT_NE(m.validate().find("refers to vertex 999"), std::string::npos);
    m = test::makeBox({0, 0, 0}, {1, 1, 1});
    m.positions[3].y = std::nanf("");
    EXPECT_NE(m.validate().find("non-finite"), std::string::npos);
}

TEST(Scene, ReplacesByIdAndTracksPerStructureRevisions) {
    Scene scene;
    scene.add({"femur_r", "Right femur", "Femur", Layer::Bone, Side::Right,
               test::makeBox({0, 0, 0}, {1, 1, 1})});
    scene.add({"sacrum", "Sacrum", "Os sacrum", Layer::Bone, Side::None,
               test::makeBox({5, 5, 5}, {6, 6, 6})});
    const auto femurRev = scene.structureRevision(0);
    const auto sacrumRev = scene.structureRevision(1);
    scene.add({"femur_r", "Right femur", "Femur", Layer::Bone, Side::Right,
               test::makeBox({0, 0, 0}, {2, 2, 2})});
    EXPECT_EQ(scene.size(), 2u);
    EXPECT_GT(scene.structureRevision(0), femurRev);
    EXPECT_EQ(scene.structureRevision(1), sacrumRev) << "an untouched structure keeps its revision";
    EXPECT_EQ(scene.find("femur_r")->mesh.bounds().max, glm::vec3(2, 2, 2));
    EXPECT_EQ(scene.find("nope"), nullptr);
    EXPECT_EQ(scene.triangleCount(), 24u);
    EXPECT_EQ(scene.bounds().max, glm::vec3(6, 6, 6));
}

TEST(Layers, NamesRoundTrip) {
    for (Layer l : {Layer::Bone, Layer::Muscle, Layer::Tendon, Layer::Bursa, Layer::Ligament,
                    Layer::Joint, Layer::Nerve, Layer::Skin, Layer::Other})
        EXPECT_EQ(parseLayer(layerName(l)), l);
    EXPECT_FALSE(parseLayer("cartilage").has_value());
}
