#pragma once
// Mouse and keyboard to camera moves. Reads ImGui's gathered input, and only
// when ImGui does not want it (io.WantCaptureMouse / WantCaptureKeyboard).
#include "app/app_state.hpp"
#include "app/input_events.hpp"

struct ImGuiIO;

namespace medius::app {

// `width` and `height` are the window's size in the same units as the mouse
// position. Returns true when the camera or anything visible changed.
// With `leftButtonIsPen` the left button draws or places notes instead of turning the view.
bool handleCameraInput(AppState& state, const ImGuiIO& io, const InputEvents& events,
                       float width, float height, ActionQueue& actions, bool leftButtonIsPen = false);

}  // namespace medius::app
