#include "app/window_report.hpp"

#include <imgui.h>

#include <cstdio>

#include "core/image.hpp"

namespace medius::app {

std::string reportText(const AppState& state, int windowWidth, int windowHeight, WindowRect viewport,
                       bool panelHasKeys, long framesPresented, const ImGuiIO& io) {
    const CameraPose& p = state.camera.pose();
    const bool mouseValid = io.MousePos.x > -1e6f && io.MousePos.y > -1e6f;
    int buttons = 0;
    for (int b = 0; b < 3; ++b)
        if (io.MouseDown[b]) buttons |= 1 << b;
    char lines[512];
    std::snprintf(lines, sizeof lines,
                  "frame %ld\nmouse %.1f %.1f\nbuttons %d\nviewport %d %d %d %d\n"
                  "camera %.6f %.6f %.6f %.6f %.6f %.6f %.6f\nwindow %d %d\n",
                  framesPresented, mouseValid ? io.MousePos.x : -1.0f, mouseValid ? io.MousePos.y : -1.0f,
                  buttons, viewport.x, viewport.y, viewport.width, viewport.height, p.target.x, p.target.y,
                  p.target.z, p.distance, p.yaw, p.pitch, state.camera.fovY, windowWidth, windowHeight);
    return "selected " + state.choices.selected + "\ncondition " + state.conditionId + "\nmoving " +
           (state.transition.active() ? "1" : "0") + "\npanel_has_keys " + (panelHasKeys ? "1" : "0") + "\n" +
           (state.shareUrl.empty() ? "" : "share " + state.shareUrl + "\n") + "replaying " +
           (state.replaying ? "1" : "0") + "\ntour " +
           std::to_string(state.tourPlayback ? state.tourPlayback->index + 1 : 0) + "\n" + lines;
}

void writeReport(const std::string& path, const AppState& state, int windowWidth, int windowHeight,
                 WindowRect viewport, bool panelHasKeys, long framesPresented, const ImGuiIO& io) {
    static std::string last;
    static bool warned = false;
    std::string text = reportText(state, windowWidth, windowHeight, viewport, panelHasKeys, framesPresented, io);
    if (text == last) return;
    if (const std::string error = writeFileAtomically(path, text); !error.empty() && !warned) {
        std::fprintf(stderr, "medius: report not written: %s\n", error.c_str());
        warned = true;
    }
    last = std::move(text);
}

}  // namespace medius::app
