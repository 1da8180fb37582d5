#include "app/camera_input.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>

#include "core/ray.hpp"

namespace medius::app {

namespace {
constexpr float kWheelStep = 0.85f;  // distance factor per wheel notch
constexpr float kKeyRotateRadians = 0.2618f;  // 15 degrees

// The world point under the cursor: the surface if there is one, else the
// point on the plane through the target that faces the camera.
glm::vec3 pointUnderCursor(const AppState& state, float x, float y, float width, float height,
                           bool* onSurface) {
    const Ray ray = state.camera.rayThroughPixel(x, y, width, height);
    if (auto hit = raycast(state.scene, ray)) {
        if (onSurface) *onSurface = true;
        return hit->point;
    }
    if (onSurface) *onSurface = false;
    const glm::vec3 normal = state.camera.forward();
    const float denom = glm::dot(ray.direction, normal);
    const float t = std::fabs(denom) > 1e-6f
                        ? glm::dot(state.camera.pose().target - ray.origin, normal) / denom
                        : state.camera.pose().distance;
    return ray.origin + ray.direction * t;
}
}  // namespace

bool handleCameraInput(AppState& state, const ImGuiIO& io, float width, float height,
                       ActionQueue& actions) {
    bool changed = false;
    if (!io.WantCaptureMouse) {
        const ImVec2 d = io.MouseDelta;
        const bool moved = d.x != 0.0f || d.y != 0.0f;
        if (moved && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
            state.transition.cancel();
            state.camera.rotate(d.x, d.y, height);
            changed = true;
        } else if (moved && (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0.0f) ||
                             ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 0.0f))) {
            state.transition.cancel();
            state.camera.pan(d.x, d.y, height);
            changed = true;
        }
        if (io.MouseWheel != 0.0f) {
            state.transition.cancel();
            const glm::vec3 anchor =
                pointUnderCursor(state, io.MousePos.x, io.MousePos.y, width, height, nullptr);
            state.camera.zoomToward(anchor, std::pow(kWheelStep, io.MouseWheel));
            changed = true;
        }
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            bool onSurface = false;
            const glm::vec3 p =
                pointUnderCursor(state, io.MousePos.x, io.MousePos.y, width, height, &onSurface);
            if (onSurface) {
                CameraPose to = state.camera.pose();
                to.target = p;
                state.transition.start(state.camera.pose(), to, 0.35f);
                changed = true;
            }
        }
    }
    // Keys belong to a focused panel (e.g. arrows in the condition list); a click on the
    // 3D view takes the focus away from the panels and gives the keys back to the camera.
    if (!io.WantCaptureKeyboard && !ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow)) {
        const float step = kKeyRotateRadians * height / 3.14159265f;  // pixels for 15 degrees
        const float panStep = height * 0.05f;
        struct Arrow {
            int key;
            float dx, dy;
        };
        const Arrow arrows[] = {{GLFW_KEY_LEFT, -1, 0},
                                {GLFW_KEY_RIGHT, 1, 0},
                                {GLFW_KEY_UP, 0, -1},
                                {GLFW_KEY_DOWN, 0, 1}};
        for (const auto& a : arrows) {
            if (!ImGui::IsKeyPressed(a.key)) continue;
            state.transition.cancel();
            if (io.KeyShift)
                state.camera.pan(a.dx * panStep, a.dy * panStep, height);
            else
                state.camera.rotate(a.dx * step, a.dy * step, height);
            changed = true;
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) {
            state.camera.zoom(kWheelStep);
            changed = true;
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) {
            state.camera.zoom(1.0f / kWheelStep);
            changed = true;
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_HOME)) actions.push_back(ResetCameraAction{});
        const ViewPreset presets[] = {ViewPreset::Anterior,     ViewPreset::Posterior,
                                      ViewPreset::RightLateral, ViewPreset::LeftLateral,
                                      ViewPreset::Superior,     ViewPreset::Inferior};
        for (int i = 0; i < 6; ++i)
            if (ImGui::IsKeyPressed(GLFW_KEY_1 + i, false))
                actions.push_back(ViewPresetAction{presets[i]});
        if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) actions.push_back(QuitAction{});
    }
    return changed;
}

}  // namespace medius::app
