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

// Renders the condition's view offscreen and writes the one-page patient handout PDF.
// Returns 0, or 1 after printing one line that says why it could not.
int exportHandout(AppState& state, const std::string& path);
// The picture for a handout: the current condition from its own view, portrait.
Image renderHandoutPicture(AppState& state, render::SceneRenderer& renderer, std::string& error);

}  // namespace medius::app
