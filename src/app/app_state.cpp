#include "app/app_state.hpp"

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
    const ViewPreset preset = parseViewPreset(options.view).value_or(ViewPreset::Anterior);
    return camera.framing(scene.bounds(), preset, aspect);
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
                const CameraPose to = state.camera.framing(state.scene.bounds(), a.preset, state.aspect);
                state.transition.start(state.camera.pose(), to, kTransitionSeconds);
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
        },
        action);
}

}  // namespace medius::app
