#include <gtest/gtest.h>

#include "core/view_state.hpp"
#include "test_shapes.hpp"

using namespace medius;

TEST(ViewState, FollowsTheSceneAndCountsChanges) {
    Scene scene;
    scene.add({"femur_r", "Right femur", "", Layer::Bone, Side::Right, test::makeBox({0, 0, 0}, {1, 1, 1})});
    ViewState view;
    view.syncWith(scene);
    ASSERT_EQ(view.appearances().size(), 1u);
    EXPECT_EQ(view.appearance(0).colour, layerColour(Layer::Bone));
    const auto r0 = view.revision();
    view.setVisible(0, false);
    EXPECT_GT(view.revision(), r0);
    const auto r1 = view.revision();
    view.setVisible(0, false);
    EXPECT_EQ(view.revision(), r1) << "no change, no redraw";
    view.setOpacity(0, 7.0f);
    EXPECT_FLOAT_EQ(view.appearance(0).opacity, 1.0f) << "clamped";
    view.setOpacity(0, 0.3f);
    EXPECT_FLOAT_EQ(view.appearance(0).opacity, 0.3f);
    scene.add({"sacrum", "Sacrum", "", Layer::Bone, Side::None, test::makeBox({0, 0, 0}, {1, 1, 1})});
    view.syncWith(scene);
    EXPECT_FALSE(view.appearance(0).visible) << "existing appearance kept";
    EXPECT_TRUE(view.appearance(1).visible);
    view.setVisible(99, true);  // out of range: ignored, no crash
    view.showAll();
    EXPECT_TRUE(view.appearance(0).visible);
}
