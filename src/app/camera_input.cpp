#include "app/camera_input.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/ray.hpp"

namespace medius::app {

namespace {
constexpr float kWheelStep = 0.85f;  // distance factor per wheel notch
constexpr float kKeyRotateRadians = 0.2618f;  // 15 degrees

// The world point under the cursor: the surface if there is one, else the
// point on the plane through the target that faces the camera.
glm::vec3 pointUnderCursor(AppState& state, const Ray& ray, bool* onSurface) {
    if (auto hit = state.pick(ray)) {
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

const ScreenRect* viewAt(const std::vector<ScreenRect>& views, glm::vec2 at) {
    for (const ScreenRect& v : views)
        if (v.contains(at)) return &v;
    return nullptr;
}

std::optional<Ray> rayAt(const AppState& state, const std::vector<ScreenRect>& views, glm::vec2 at) {
    const ScreenRect* v = viewAt(views, at);
    if (!v) return std::nullopt;
    return state.camera.rayThroughPixel(at.x - v->x, at.y - v->y, v->width, v->height);
}

bool handleCameraInput(AppState& state, const ImGuiIO& io, const InputEvents& events,
                       const std::vector<ScreenRect>& views, ActionQueue& actions, bool leftButtonIsPen) {
    bool changed = false;
    // Drags turn and pan by the view's height, the same for both halves of a comparison.
    const float height = views.empty() ? std::max(io.DisplaySize.y, 1.0f) : std::max(views.front().height, 1.0f);
    const glm::vec2 mouse(io.MousePos.x, io.MousePos.y);
    const std::optional<Ray> mouseRay = rayAt(state, views, mouse);
    // A drag turns (left) or pans (right, middle) by the motion made while its button was held,
    // summed over all of the frame's events, not by ImGui's once-a-frame sample: a drag whose
    // moves and release arrive within one frame (a slow frame, synthetic input) still turns.
    // It is the 3D view's when the press was not on a panel: ImGui says so while it sees the
    // button held (WantCaptureMouse), and in MouseDownOwned once it has seen it let go.
    const auto viewDrag = [&](int b) {
        const bool ours = io.MouseDown[b] ? !io.WantCaptureMouse : events.released[b] && !io.MouseDownOwned[b];
        return ours ? events.dragged[b] : glm::vec2(0.0f);
    };
    const glm::vec2 turn = leftButtonIsPen ? glm::vec2(0.0f) : viewDrag(0);
    const glm::vec2 pan = viewDrag(1) + viewDrag(2);
    if (turn != glm::vec2(0.0f)) {
        state.transition.cancel();
        state.camera.rotate(turn.x, turn.y, height);
        changed = true;
    } else if (pan != glm::vec2(0.0f)) {
        state.transition.cancel();
        state.camera.pan(pan.x, pan.y, height);
        changed = true;
    }
    if (!io.WantCaptureMouse) {
        const ImVec2 d = io.MouseDelta;
        const bool moved = d.x != 0.0f || d.y != 0.0f;
        if (io.MouseWheel != 0.0f && mouseRay) {
            state.transition.cancel();
            const glm::vec3 anchor = pointUnderCursor(state, *mouseRay, nullptr);
            state.camera.zoomToward(anchor, std::pow(kWheelStep, io.MouseWheel));
            changed = true;
        }
        const bool buttonsUp = !ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
                               !ImGui::IsMouseDown(ImGuiMouseButton_Right) &&
                               !ImGui::IsMouseDown(ImGuiMouseButton_Middle);
        // Hover names what is under the cursor; it changes the label, not the 3D image.
        if (moved && buttonsUp) {
            const auto hit = mouseRay ? state.pick(*mouseRay) : std::nullopt;
            const int now = hit ? hit->structureIndex : -1;
            if (now != state.hovered) actions.push_back(HoverAction{now});
        }
        // A click (a press and release without dragging) selects; a click on nothing deselects.
        for (const glm::vec2& at : leftButtonIsPen ? std::vector<glm::vec2>{} : events.clicks) {
            const std::optional<Ray> ray = rayAt(state, views, at);
            if (!ray) continue;  // not on a 3D view
            const auto hit = state.pick(*ray);
            const std::string id = hit ? state.scene.structures()[hit->structureIndex].id : std::string();
            // During a quiz a click is an answer; a click on nothing is not counted.
            if (state.quiz && !state.quiz->finished()) {
                if (!id.empty()) actions.push_back(QuizAnswerAction{id});
            } else {
                actions.push_back(SelectStructureAction{id});
            }
        }
        for (const glm::vec2& at : events.doubleClicks) {
            const std::optional<Ray> ray = rayAt(state, views, at);
            if (!ray) continue;
            if (const auto hit = state.pick(*ray))
                actions.push_back(
                    FrameStructureAction{state.scene.structures()[hit->structureIndex].id, hit->point});
        }
    } else if (state.hovered != -1) {
        actions.push_back(HoverAction{-1});
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
        // A running tour takes the keys a presentation clicker sends.
        if (state.tourPlayback) {
            if (events.pressed(GLFW_KEY_PAGE_DOWN) || events.pressed(GLFW_KEY_RIGHT) ||
                events.pressed(GLFW_KEY_DOWN) || events.pressed(GLFW_KEY_SPACE))
                actions.push_back(TourStepAction{+1});
            if (events.pressed(GLFW_KEY_PAGE_UP) || events.pressed(GLFW_KEY_LEFT) || events.pressed(GLFW_KEY_UP))
                actions.push_back(TourStepAction{-1});
            if (events.pressed(GLFW_KEY_ESCAPE)) actions.push_back(StopTourAction{});
        }
        for (const auto& a : arrows) {
            if (state.tourPlayback) break;
            const bool shifted = events.pressed(a.key, GLFW_MOD_SHIFT);
            if (!events.pressed(a.key) && !shifted) continue;
            state.transition.cancel();
            if (shifted)
                state.camera.pan(a.dx * panStep, a.dy * panStep, height);
            else
                state.camera.rotate(a.dx * step, a.dy * step, height);
            changed = true;
        }
        if (events.pressed(GLFW_KEY_EQUAL) || events.pressed(GLFW_KEY_EQUAL, GLFW_MOD_SHIFT) ||
            events.pressed(GLFW_KEY_KP_ADD)) {
            state.camera.zoom(kWheelStep);
            changed = true;
        }
        if (events.pressed(GLFW_KEY_MINUS) || events.pressed(GLFW_KEY_KP_SUBTRACT)) {
            state.camera.zoom(1.0f / kWheelStep);
            changed = true;
        }
        if (events.pressed(GLFW_KEY_HOME)) actions.push_back(ResetCameraAction{});
        const ViewPreset presets[] = {ViewPreset::Anterior,     ViewPreset::Posterior,
                                      ViewPreset::RightLateral, ViewPreset::LeftLateral,
                                      ViewPreset::Superior,     ViewPreset::Inferior};
        for (int i = 0; i < 6; ++i)
            if (events.pressed(GLFW_KEY_1 + i) || events.pressed(GLFW_KEY_KP_1 + i))
                actions.push_back(ViewPresetAction{presets[i]});
        if (events.pressed(GLFW_KEY_Z, GLFW_MOD_CONTROL)) actions.push_back(UndoAction{});
        if (events.pressed(GLFW_KEY_Z, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT) ||
            events.pressed(GLFW_KEY_Y, GLFW_MOD_CONTROL))
            actions.push_back(RedoAction{});
        if (events.pressed(GLFW_KEY_X))
            actions.push_back(SetViewOptionAction{"xray", state.options.xray ? "false" : "true"});
    }
    // Quit works wherever the keyboard focus is.
    if (events.pressed(GLFW_KEY_Q, GLFW_MOD_CONTROL)) actions.push_back(QuitAction{});
    return changed;
}

}  // namespace medius::app
