#pragma once
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "core/label_layout.hpp"
#include "core/panel_layout.hpp"
#include "core/image.hpp"
#include "render/scene_renderer.hpp"

namespace medius::app {

// Renders one frame of `state` offscreen (EGL, no display needed) at
// width x height and writes it to `path`. Returns 0, or 1 after printing
// one line that says why it could not.
int captureScreenshot(AppState& state, const std::string& path, int width, int height,
                      bool withUi);

// The window as a user would see it at width x height: the 3D views rendered into the
// layout's viewport and, with `drawPanels`, the panels and labels drawn over them (without,
// the same views with nothing else, for comparing the two). Needs a current GL context.
struct WindowPicture {
    Image image;
    PanelLayout layout;
    std::vector<LabelPlacement> labels;  // per view, as drawn
};
bool renderWindowOffscreen(AppState& state, render::SceneRenderer& renderer, int width, int height,
                           bool drawPanels, WindowPicture& out, std::string& error);

// Renders the handout picture offscreen and writes the patient handout PDF (one or two A4 pages).
// Returns 0, or 1 after printing one line that says why it could not.
// With `exercises`, an exercise page for them follows the condition's pages (issue 15).
int exportHandout(AppState& state, const std::string& path, const std::vector<std::string>& exercises = {});

}  // namespace medius::app
