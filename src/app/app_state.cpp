#include "app/app_state.hpp"

#include "core/condition_view.hpp"

namespace medius::app {

namespace {
constexpr float kTransitionSeconds = 0.45f;

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;
}  // namespace

CameraPose AppState::homePose() const {
    const Condition* c = condition();
    const std::string& viewName = c && !viewChosen ? c->view : options.view;
    const ViewPreset preset = parseViewPreset(viewName).value_or(ViewPreset::Anterior);
    if (c) {
        const Bounds focus = conditionFocus(scene, *c, view.painSegments());
        if (focus.valid()) return camera.framing(focus, preset, aspect);
    }
    // Without a condition the skin is hidden: frame what is shown, not the whole body.
    Bounds shown;
    for (std::size_t i = 0; i < scene.size(); ++i)
        if (i >= view.appearances().size() || view.appearance(i).visible)
            shown.extend(scene.structures()[i].mesh.bounds());
    return camera.framing(shown.valid() ? shown : scene.bounds(), preset, aspect);
}

void AppState::applyCondition(DiagnosticSink& sink) {
    const Condition* c = condition();
    view.setAppearances(conditionAppearances(scene, c));
    view.setPainSegments(c ? resolvePainZones(scene, *c, sink) : std::vector<PainSegment>{});
}

void AppState::resetCamera(bool animate) {
    if (animate)
        transition.start(camera.pose(), homePose(), kTransitionSeconds);
    else
        camera.setPose(homePose());
}

bool applyAction(AppState& state, const Action& action, DiagnosticSink& sink) {
    return std::visit(
        Overloaded{
            [&](const SetViewOptionAction& a) {
                std::string error;
                if (!setViewOption(state.options, a.name, a.value, error)) {
                    sink.error("", 0, a.name + ": " + error);
                    return false;
                }
                return true;
            },
            [&](const SetVisibleAction& a) {
                state.view.setVisible(a.structure, a.visible);
                return true;
            },
            [&](const SetOpacityAction& a) {
                state.view.setOpacity(a.structure, a.opacity);
                return true;
            },
            [&](const ShowAllAction&) {
                state.view.showAll();
                return true;
            },
            [&](const ViewPresetAction& a) {
                state.options.view = viewPresetName(a.preset);
                state.viewChosen = true;
                state.transition.start(state.camera.pose(), state.homePose(), kTransitionSeconds);
                return true;
            },
            [&](const ResetCameraAction&) {
                state.resetCamera(true);
                return true;
            },
            [&](const QuitAction&) {
                state.quitRequested = true;
                return false;
            },
            [&](const SelectConditionAction& a) {
                if (!a.id.empty() && !state.content.findCondition(a.id)) {
                    sink.error("", 0, "unknown condition '" + a.id + "'");
                    return false;
                }
                state.conditionId = a.id;
                if (state.compareId == a.id) state.compareId.clear();
                state.viewChosen = false;
                state.applyCondition(sink);
                state.resetCamera(true);
                return true;
            },
            [&](const SetAudienceAction& a) {
                state.audience = a.audience;
                return false;  // wording only: the 3D image is unchanged
            },
            [&](const CompareConditionAction& a) {
                state.compareId = a.id;
                return false;
            },
        },
        action);
}

}  // namespace medius::app
