#pragma once
#include <string>

#include "app/app_state.hpp"
#include "core/image.hpp"
#include "render/scene_renderer.hpp"

namespace medius::app {

// Renders one frame of `state` offscreen (EGL, no display needed) at
// width x height and writes it to `path`. Returns 0, or 1 after printing
// one line that says why it could not.
int captureScreenshot(AppState& state, const std::string& path, int width, int height,
                      bool withUi);

// Renders the handout picture offscreen and writes the patient handout PDF (one or two A4 pages).
// Returns 0, or 1 after printing one line that says why it could not.
int exportHandout(AppState& state, const std::string& path);

}  // namespace medius::app
