#include <gtest/gtest.h>

#include "core/view_history.hpp"

using namespace medius;

namespace {
ViewSnapshot at(float yaw, const std::string& condition = "") {
    ViewSnapshot s;
    s.camera.yaw = yaw;
    s.condition = condition;
    return s;
}
}  // namespace

TEST(ViewHistory, ADragIsOneStepAndUndoRedoWalkTheSteps) {
    ViewHistory h(0.4);
    double t = 0.0;
    h.observe(at(0.0f), t);
    // A drag: the yaw changes every frame for a while, then holds still.
    for (int i = 1; i <= 10; ++i) h.observe(at(0.1f * i), t += 0.016);
    h.observe(at(1.0f), t += 0.5);
    // A condition is chosen and held.
    h.observe(at(1.0f, "gt"), t += 0.1);
    h.observe(at(1.0f, "gt"), t += 0.5);
    EXPECT_TRUE(h.canUndo());
    auto back = h.undo(at(1.0f, "gt"));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->condition, "");
    EXPECT_FLOAT_EQ(back->camera.yaw, 1.0f) << "the whole drag is one step";
    back = h.undo(*back);
    ASSERT_TRUE(back);
    EXPECT_FLOAT_EQ(back->camera.yaw, 0.0f);
    EXPECT_FALSE(h.undo(*back)) << "nothing before the start";
    auto forward = h.redo(*back);
    ASSERT_TRUE(forward);
    EXPECT_FLOAT_EQ(forward->camera.yaw, 1.0f);
    forward = h.redo(*forward);
    ASSERT_TRUE(forward);
    EXPECT_EQ(forward->condition, "gt");
    EXPECT_FALSE(h.canRedo());
}

TEST(ViewHistory, UndoDuringAnUnsettledChangeGoesBackToItsStart) {
    ViewHistory h(0.4);
    h.observe(at(0.0f), 0.0);
    h.observe(at(0.5f), 0.1);  // still moving
    auto back = h.undo(at(0.5f));
    ASSERT_TRUE(back);
    EXPECT_FLOAT_EQ(back->camera.yaw, 0.0f);
    // A new change after undo clears the redo list.
    h.observe(at(2.0f), 1.0);
    h.observe(at(2.0f), 2.0);
    EXPECT_FALSE(h.canRedo());
}
