#pragma once
// Mouse and keyboard to camera moves. Reads ImGui's gathered input, and only
// when ImGui does not want it (io.WantCaptureMouse / WantCaptureKeyboard).
#include "app/app_state.hpp"
#include "app/input_events.hpp"
#include "core/panel_layout.hpp"

struct ImGuiIO;

namespace medius::app {

// `views` are the 3D views' rectangles (the layout's viewport, or its two halves when
// comparing), in the same units as the mouse position: picking, hover and zoom-to-cursor
// work in the view under the cursor, and nothing outside them moves the camera.
// Returns true when the camera or anything visible changed.
// With `leftButtonIsPen` the left button draws or places notes instead of turning the view.
bool handleCameraInput(AppState& state, const ImGuiIO& io, const InputEvents& events,
                       const std::vector<ScreenRect>& views, ActionQueue& actions, bool leftButtonIsPen = false);

// The view under a window position, or null.
const ScreenRect* viewAt(const std::vector<ScreenRect>& views, glm::vec2 at);
// The ray through a window position in the view under it.
std::optional<Ray> rayAt(const AppState& state, const std::vector<ScreenRect>& views, glm::vec2 at);

}  // namespace medius::app
