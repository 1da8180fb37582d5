// Camera input from gathered GLFW events and ImGui's once-a-frame sample: a drag is not lost
// when its moves and release arrive within one frame (a slow frame on a software renderer,
// or synthetic input), and a drag that began on a panel never turns the view.
#include <gtest/gtest.h>
#include <imgui.h>

#include "app/camera_input.hpp"
#include "app/input_events.hpp"
#include "test_shapes.hpp"

using namespace medius;
using namespace medius::app;

namespace {
AppState stateWithBox() {
    AppState s;
    s.scene.add({"box", "Box", "", Layer::Bone, Side::None, test::makeBox({-10, -10, -10}, {10, 10, 10})});
    s.view.syncWith(s.scene);
    s.resetCamera(false);
    return s;
}

// A headless ImGui context with a panel at the top left (0,0 to 300,300) of an 800x600 window.
class CameraInput : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        state = stateWithBox();
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // One frame: ImGui samples the pointer at `mouse` with the left button `down` (as the GLFW
    // backend does: held, or pressed since the last frame), then the camera reads the frame's
    // events, which are then cleared.
    bool frame(ImVec2 mouse, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(300, 300));
        ImGui::Begin("panel");
        ImGui::End();
        ActionQueue actions;
        const bool changed = handleCameraInput(state, io, events, {ScreenRect{0, 0, 800, 600}}, actions);
        ImGui::EndFrame();
        events.clear();
        return changed;
    }
    float yawAfterTurning(float dx) const {
        OrbitCamera camera = state.camera;
        camera.rotate(dx, 0.0f, 600.0f);
        return camera.pose().yaw;
    }

    AppState state;
    InputEvents events;
};
}  // namespace

TEST(InputEvents, DraggedSumsMotionOnlyWhileAButtonIsHeld) {
    InputEvents e;
    e.cursorEvent({10, 10});
    e.cursorEvent({20, 10});
    EXPECT_EQ(e.dragged[0], glm::vec2(0.0f));
    EXPECT_TRUE(e.arrived);
    e.buttonEvent(0, true, {25, 10});  // motion not yet reported counts before the press
    EXPECT_EQ(e.dragged[0], glm::vec2(0.0f));
    e.clear();
    EXPECT_FALSE(e.arrived);
    e.cursorEvent({35, 14});
    e.cursorEvent({45, 20});
    EXPECT_EQ(e.dragged[0], glm::vec2(20, 10));  // still held after clear()
    EXPECT_EQ(e.dragged[1], glm::vec2(0.0f));
    e.buttonEvent(0, false, {50, 20});
    EXPECT_EQ(e.dragged[0], glm::vec2(25, 10));
    EXPECT_TRUE(e.released[0]);
    e.clear();
    e.cursorEvent({90, 90});
    EXPECT_EQ(e.dragged[0], glm::vec2(0.0f));
    EXPECT_FALSE(e.released[0]);
}

TEST_F(CameraInput, AnOrdinaryDragTurnsByItsMotion) {
    frame({400, 500}, false);
    events.buttonEvent(0, true, {400, 500});
    frame({400, 500}, true);
    const float expected = yawAfterTurning(160.0f);
    events.cursorEvent({460, 500});
    EXPECT_TRUE(frame({460, 500}, true));
    events.cursorEvent({560, 500});
    EXPECT_TRUE(frame({560, 500}, true));
    events.buttonEvent(0, false, {560, 500});
    frame({560, 500}, false);
    EXPECT_NEAR(state.camera.pose().yaw, expected, 1e-4f);
}

TEST_F(CameraInput, MovesAndReleaseInOneFrameStillTurn) {
    frame({400, 500}, false);
    events.buttonEvent(0, true, {400, 500});
    EXPECT_FALSE(frame({400, 500}, true));
    const float expected = yawAfterTurning(160.0f);
    // One slow frame later ImGui sees the button up and the pointer 160 px on.
    events.cursorEvent({460, 500});
    events.cursorEvent({560, 500});
    events.buttonEvent(0, false, {560, 500});
    EXPECT_TRUE(frame({560, 500}, false));
    EXPECT_NEAR(state.camera.pose().yaw, expected, 1e-4f);
}

TEST_F(CameraInput, PressMovesAndReleaseInOneFrameStillTurn) {
    frame({400, 500}, false);
    const float expected = yawAfterTurning(160.0f);
    events.buttonEvent(0, true, {400, 500});
    events.cursorEvent({500, 500});
    events.cursorEvent({560, 500});
    events.buttonEvent(0, false, {560, 500});
    EXPECT_TRUE(frame({560, 500}, true));  // the backend reports a press since the last frame as held
    EXPECT_NEAR(state.camera.pose().yaw, expected, 1e-4f);
    EXPECT_FALSE(frame({560, 500}, false));
    EXPECT_NEAR(state.camera.pose().yaw, expected, 1e-4f);
}

TEST_F(CameraInput, ADragBegunOnAPanelNeverTurnsTheView) {
    const float yaw = state.camera.pose().yaw;
    frame({100, 100}, false);
    frame({100, 100}, false);
    events.buttonEvent(0, true, {100, 100});
    EXPECT_FALSE(frame({100, 100}, true));
    events.cursorEvent({300, 400});
    EXPECT_FALSE(frame({300, 400}, true));
    // Released over the 3D view in the same frame as the last moves.
    events.cursorEvent({500, 500});
    events.buttonEvent(0, false, {500, 500});
    EXPECT_FALSE(frame({500, 500}, false));
    EXPECT_EQ(state.camera.pose().yaw, yaw);
}
