#pragma once
// Small renders of two conditions' pain maps, side by side in the comparison
// window. Re-rendered only when the pair of conditions changes.
#include <string>

#include "app/app_state.hpp"
#include "render/render_target.hpp"
#include "render/scene_renderer.hpp"

namespace medius::app {

class PainMaps {
public:
    // Renders when `left` or `right` differ from the last call. Returns true if it drew.
    bool update(const AppState& state, render::SceneRenderer& renderer, DiagnosticSink& sink);
    unsigned leftTexture() const { return left_.colourTexture(); }
    unsigned rightTexture() const { return right_.colourTexture(); }
    float aspect() const { return static_cast<float>(kWidth) / kHeight; }

private:
    void draw(const AppState& state, const std::string& id, render::RenderTarget& target,
              render::SceneRenderer& renderer, DiagnosticSink& sink);
    static constexpr int kWidth = 360, kHeight = 480;
    render::RenderTarget left_, right_;
    std::string leftId_, rightId_;
    bool drawn_ = false;
};

}  // namespace medius::app
