#include <gtest/gtest.h>

#include "core/condition_view.hpp"
#include "test_shapes.hpp"

using namespace medius;

namespace {
Scene hipScene() {
    Scene scene;
    scene.add({"femur_r", "Right femur", "", Layer::Bone, Side::Right, test::makeBox({0, -100, 50}, {30, 0, 80})});
    scene.add({"gluteus_medius_insertion_lateral_r", "Insertion", "", Layer::Tendon, Side::Right,
               test::makeBox({20, -20, 80}, {30, 0, 90})});
    scene.add({"gluteus_medius_middle_r", "Muscle", "", Layer::Muscle, Side::Right,
               test::makeBox({0, 0, 60}, {40, 80, 100})});
    scene.add({"skin", "Skin", "", Layer::Skin, Side::None, test::makeSphere({0, 0, 0}, 400)});
    scene.setLandmark("greater_trochanter_r", {10, -10, 130});
    scene.setLandmark("knee_lateral_r", {10, -400, 100});
    return scene;
}

Condition tendinopathy() {
    Condition c;
    c.id = "gt";
    c.structures = {{"gluteus_medius_insertion_lateral_r", Role::PainSource, "", 1},
                    {"gluteus_medius_middle_r", Role::Weak, "", 2}};
    PainZone local;
    local.label = "hip";
    local.radius = 40;
    local.intensity = 1.0f;
    local.path = {{"greater_trochanter_r", glm::vec3(0, 10, 0)}};
    PainZone referred;
    referred.label = "thigh";
    referred.kind = ZoneKind::Referred;
    referred.intensity = 0.5f;
    referred.radius = 30;
    referred.path = {{"greater_trochanter_r", {}}, {"knee_lateral_r", {}}};
    c.painZones = {local, referred};
    return c;
}
}  // namespace

TEST(ConditionView, HighlightsByRoleAndGhostsTheRest) {
    const Scene scene = hipScene();
    const Condition c = tendinopathy();
    const auto a = conditionAppearances(scene, &c);
    ASSERT_EQ(a.size(), 4u);
    EXPECT_TRUE(a[1].highlighted);
    EXPECT_EQ(a[1].colour, roleColour(Role::PainSource));
    EXPECT_FLOAT_EQ(a[1].opacity, 1.0f);
    EXPECT_EQ(a[2].colour, roleColour(Role::Weak));
    EXPECT_LT(a[2].opacity, 0.6f) << "other roles never hide a pain source";
    EXPECT_FALSE(a[0].highlighted);
    EXPECT_LT(a[0].opacity, 1.0f) << "uninvolved bone is see-through";
    EXPECT_TRUE(a[3].visible && a[3].painCanvas) << "the skin shows, as the canvas";
    EXPECT_LT(a[3].opacity, 0.5f);
    // Role colours differ from each other.
    for (Role x : kAllRoles)
        for (Role y : kAllRoles)
            if (x != y) {
                EXPECT_GT(glm::length(roleColour(x) - roleColour(y)), 0.15f);
            }
}

TEST(ConditionView, NoConditionMeansPlainAnatomyWithTheSkinHidden) {
    const Scene scene = hipScene();
    const auto a = conditionAppearances(scene, nullptr);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_FALSE(a[i].highlighted);
        EXPECT_FLOAT_EQ(a[i].opacity, 1.0f);
    }
    EXPECT_FALSE(a[3].visible);
}

TEST(ConditionView, PainZonesFollowTheLandmarks) {
    const Scene scene = hipScene();
    const Condition c = tendinopathy();
    DiagnosticSink sink;
    const auto zones = resolvePainZones(scene, c, sink);
    ASSERT_EQ(zones.size(), 2u);
    EXPECT_EQ(zones[0].a, glm::vec3(10, 0, 130)) << "landmark plus offset";
    EXPECT_EQ(zones[0].a, zones[0].b) << "one point is a round patch";
    EXPECT_FALSE(zones[0].referred);
    EXPECT_TRUE(zones[1].referred);
    EXPECT_EQ(zones[1].b, glm::vec3(10, -400, 100));
    EXPECT_FLOAT_EQ(zones[1].intensity, 0.5f);
    EXPECT_FALSE(sink.hasErrors());

    // A body without the knee landmark: that point is skipped with a warning.
    Scene noKnee = hipScene();
    Scene partial;
    for (const auto& s : noKnee.structures()) partial.add(s);
    partial.setLandmark("greater_trochanter_r", {10, -10, 130});
    const auto some = resolvePainZones(partial, c, sink);
    EXPECT_EQ(some.size(), 2u);
    EXPECT_EQ(sink.count(Level::Warning), 1);
}

TEST(ConditionView, FocusCoversStructuresAndZones) {
    const Scene scene = hipScene();
    const Condition c = tendinopathy();
    DiagnosticSink sink;
    const Bounds b = conditionFocus(scene, c, resolvePainZones(scene, c, sink));
    EXPECT_LE(b.min.y, -400.0f) << "reaches the knee zone";
    EXPECT_GE(b.max.y, 80.0f) << "includes the muscle";
    EXPECT_LT(b.size().x, 400.0f) << "not the whole skin";
}

TEST(ConditionView, UserChoicesSelectionAndXray) {
    const Scene scene = hipScene();
    const Condition c = tendinopathy();
    ViewChoices choices;
    choices.visible["femur_r"] = false;
    choices.opacity["gluteus_medius_middle_r"] = 0.9f;
    auto a = composeAppearances(scene, &c, choices, false);
    EXPECT_FALSE(a[0].visible);
    EXPECT_FLOAT_EQ(a[2].opacity, 0.9f);
    choices.selected = "femur_r";
    a = composeAppearances(scene, nullptr, choices, true);
    EXPECT_TRUE(a[0].visible) << "the selection shows even if hidden before";
    EXPECT_TRUE(a[0].highlighted);
    EXPECT_FLOAT_EQ(a[0].opacity, 1.0f);
    EXPECT_LE(a[1].opacity, 0.15f) << "X-ray makes the rest see-through";
    EXPECT_LE(a[2].opacity, 0.15f);
}
