#include "app/pain_maps.hpp"

#include "core/condition_view.hpp"

namespace medius::app {

void PainMaps::draw(const AppState& state, const std::string& id, render::RenderTarget& target,
                    render::SceneRenderer& renderer, DiagnosticSink& sink) {
    const Condition* c = state.content.findCondition(id);
    if (!c) return;
    std::string error;
    if (!target.resize(kWidth, kHeight, 4, error)) {
        sink.error("", 0, error);
        return;
    }
    ViewState view;
    view.setAppearances(conditionAppearances(state.scene, c));
    view.setPainSegments(resolvePainZones(state.scene, *c, sink));
    // The whole body from the condition's own side, so two maps compare at a glance.
    OrbitCamera camera;
    const ViewPreset preset = parseViewPreset(c->view).value_or(ViewPreset::Posterior);
    const Structure* skin = state.scene.find("skin");
    camera.setPose(camera.framing(skin ? skin->mesh.bounds() : state.scene.bounds(), preset,
                                  aspect()));
    renderer.render(state.scene, view, camera, state.options, target);
}

bool PainMaps::update(const AppState& state, render::SceneRenderer& renderer,
                      DiagnosticSink& sink) {
    if (drawn_ && leftId_ == state.conditionId && rightId_ == state.compareId) return false;
    leftId_ = state.conditionId;
    rightId_ = state.compareId;
    draw(state, leftId_, left_, renderer, sink);
    draw(state, rightId_, right_, renderer, sink);
    drawn_ = true;
    return true;
}

}  // namespace medius::app
