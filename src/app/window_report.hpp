#pragma once
// The report file (`medius --report FILE`): what an end-to-end test needs to wait on and to
// check what its clicks and keys did. One "key values" line each:
//
//   selected femur_r                 (empty after "selected" when nothing is)
//   condition <id>
//   moving 0|1                       (a camera transition is running)
//   panel_has_keys 0|1               (a panel has the keyboard focus)
//   frame N                          (frames presented so far, counting this one)
//   mouse X Y                        (the cursor this frame saw, window coordinates; -1 -1 when none)
//   buttons B                        (mouse buttons this frame saw held: 1 left, 2 right, 4 middle)
//   viewport X Y W H                 (where the 3D view is drawn, window coordinates)
//   camera tx ty tz distance yaw pitch fovY
//   window W H                       (the window's size, window coordinates)
//   share URL                        (while sharing with the room: the students' address)
//   replaying 0|1                    (an input log is being replayed)
//   tour N                           (the running tour's step, 1-based; 0 when none)
//
// Window coordinates are those of the mouse (GLFW's screen coordinates), not framebuffer pixels.
#include <string>

#include "app/app_state.hpp"

struct ImGuiIO;

namespace medius::app {

// A rectangle in window coordinates, origin at the top left.
struct WindowRect {
    int x = 0, y = 0, width = 0, height = 0;
};

// Call once per frame after the frame was presented (framesPresented counts it). Rewrites
// `path` (atomically) only when the text changes; the frame counter changes every frame.
void writeReport(const std::string& path, const AppState& state, int windowWidth, int windowHeight,
                 WindowRect viewport, bool panelHasKeys, long framesPresented, const ImGuiIO& io);

// The report's text (what writeReport writes), for tests.
std::string reportText(const AppState& state, int windowWidth, int windowHeight, WindowRect viewport,
                       bool panelHasKeys, long framesPresented, const ImGuiIO& io);

}  // namespace medius::app
