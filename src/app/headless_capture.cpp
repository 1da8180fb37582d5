#include "app/headless_capture.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "render/gl.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app/handout_picture.hpp"
#include "app/pain_maps.hpp"
#include "app/ui_fonts.hpp"
#include "app/ui_frame.hpp"
#include "app/ui_style.hpp"
#include "core/image.hpp"
#include "export/handout.hpp"
#include "render/debug_output.hpp"
#include "render/egl_context.hpp"
#include "render/scene_renderer.hpp"
#include "app/startup_trace.hpp"

namespace medius::app {

namespace {
// The window's panels drawn over the resolved image, as a user would see them.
bool drawUiOver(AppState& state, render::SceneRenderer& renderer, render::RenderTarget& target) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(target.width()), static_cast<float>(target.height()));
    io.DeltaTime = 1.0f / 60.0f;
    // Screenshots are made for reading on a projector or a page: scale with the image.
    const float scale = std::max(1.0f, target.height() / 1000.0f) * state.options.uiScale;
    buildUiFonts(findUiFont(), uiFontSize(state.options.theme, scale));
    applyUiStyle(state.options.theme, scale);
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        std::fprintf(stderr, "medius: cannot draw the panels offscreen (ImGui OpenGL backend)\n");
        ImGui::DestroyContext();
        return false;
    }
    UiState ui;
    ui.panels.compare = !state.compareId.empty();
    ui.stats.renderer = "offscreen";
    PainMaps painMaps;
    DiagnosticSink sink;
    if (ui.panels.compare && state.condition() && painMaps.update(state, renderer, sink)) {
        ui.painMapLeft = painMaps.leftTexture();
        ui.painMapRight = painMaps.rightTexture();
        ui.painMapAspect = painMaps.aspect();
    }
    ui.stats.triangles = state.scene.triangleCount();
    ui.stats.gpuBytes = renderer.gpuBytes();
    // Auto-sized windows settle on the second frame; only the last one is drawn.
    for (int frame = 0; frame < 3; ++frame) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        ActionQueue ignored;
        buildUi(state, ui, ignored);
        ImGui::Render();
    }
    target.bindResolvedForDrawing();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
    return true;
}
}  // namespace

int captureScreenshot(AppState& state, const std::string& path, int width, int height,
                      bool withUi) {
    std::string error;
#ifdef NDEBUG
    constexpr bool kDebugContext = false;
#else
    constexpr bool kDebugContext = true;
#endif
    auto context = render::HeadlessContext::create(kDebugContext, error);
    if (!context) {
        std::fprintf(stderr, "medius: cannot take a screenshot: %s\n", error.c_str());
        return 1;
    }
    render::GlMessageLog glLog;
    if (kDebugContext) render::installDebugOutput(glLog, true);
    startupMark("OpenGL context");

    render::RenderTarget target;
    if (!target.resize(width, height, state.options.msaa, error)) {
        std::fprintf(stderr, "medius: cannot take a screenshot: %s\n", error.c_str());
        return 1;
    }
    state.aspect = static_cast<float>(width) / static_cast<float>(height);
    // A tour step has placed the camera already (possibly exactly, as recorded).
    if (!state.tourPlayback) state.resetCamera(false);

    render::SceneRenderer renderer;
    // MEDIUS_RENDER_DETAIL=interactive shows what the window draws while the camera moves.
    const char* detailSetting = std::getenv("MEDIUS_RENDER_DETAIL");
    const auto detail = detailSetting && std::string(detailSetting) == "interactive"
                            ? render::RenderDetail::Interactive
                            : render::RenderDetail::Full;
    renderer.render(state.scene, state.view, state.camera, state.options, target, detail);
    glFinish();
    startupMark("first frame rendered");
    if (std::getenv("MEDIUS_FRAME_TIMES")) {
        // A warm frame (the first one uploads the meshes), timed to the end of the GPU work.
        for (int i = 0; i < 3; ++i) {
            const auto start = std::chrono::steady_clock::now();
            renderer.render(state.scene, state.view, state.camera, state.options, target, detail);
            glFinish();
            const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            std::printf("medius: frame %.1f ms (%zu triangles shaded)\n", ms, renderer.lastTriangles());
        }
    }
    if (withUi && !drawUiOver(state, renderer, target)) return 1;
    const Image image = target.readPixels();
    if (const std::string problem = writePng(path, image); !problem.empty()) {
        std::fprintf(stderr, "medius: cannot write screenshot %s: %s\n", path.c_str(),
                     problem.c_str());
        return 1;
    }
    startupMark("PNG written");
    std::printf("medius: wrote %s (%dx%d, %s)\n", path.c_str(), width, height,
                context->rendererName().c_str());
    return 0;
}

}  // namespace medius::app

namespace medius::app {

int exportHandout(AppState& state, const std::string& path) {
    const Condition* c = state.condition();
    if (!c) {
        std::fprintf(stderr, "medius: --handout needs --condition (see --list-conditions)\n");
        return 2;
    }
    std::string error;
    auto context = render::HeadlessContext::create(false, error);
    if (!context) {
        std::fprintf(stderr, "medius: cannot make the handout's picture: %s\n", error.c_str());
        return 1;
    }
    render::SceneRenderer renderer;
    const Image picture = renderHandoutPicture(state, renderer, error);
    if (picture.rgba.empty()) {
        std::fprintf(stderr, "medius: cannot make the handout's picture: %s\n", error.c_str());
        return 1;
    }
    if (const std::string problem = writeHandoutPdf(path, *c, state.content, picture); !problem.empty()) {
        std::fprintf(stderr, "medius: cannot write %s: %s\n", path.c_str(), problem.c_str());
        return 1;
    }
    std::printf("medius: wrote %s\n", path.c_str());
    return 0;
}

}  // namespace medius::app
