#include "app/headless_capture.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "render/gl.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app/handout_picture.hpp"
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
// An ImGui context for one offscreen picture, destroyed with it.
struct OffscreenImGui {
    bool backend = false;
    OffscreenImGui(const AppState& state, int width, int height) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DeltaTime = 1.0f / 60.0f;
        // Screenshots are made for reading on a projector or a page: scale with the image.
        const float scale = std::max(1.0f, height / 1000.0f) * state.options.uiScale;
        buildUiFonts(findUiFont(), uiFontSize(state.options.theme, scale));
        applyUiStyle(state.options.theme, scale);
        backend = ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    ~OffscreenImGui() {
        if (backend) ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext();
    }
};
}  // namespace

bool renderWindowOffscreen(AppState& state, render::SceneRenderer& renderer, int width, int height,
                           bool drawPanels, WindowPicture& out, std::string& error) {
    OffscreenImGui imgui(state, width, height);
    if (!imgui.backend) {
        error = "cannot draw the panels offscreen (ImGui OpenGL backend)";
        return false;
    }
    UiState ui;
    ui.panels.compare = !state.compareId.empty();
    ui.stats.renderer = "offscreen";
    ui.stats.triangles = state.scene.triangleCount();
    // The layout first: the camera frames into the viewport, as in the window.
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    out.layout = layoutFor(state, ui, ImGui::GetFrameHeight());
    ImGui::EndFrame();
    const ScreenRect& first = out.layout.views.front();
    state.aspect = first.width / std::max(first.height, 1.0f);
    // A tour step placed the camera before the layout was known: place it again for the
    // viewport's shape (a recorded exact pose stays exact).
    if (state.tourPlayback) {
        DiagnosticSink ignored;
        state.applyTourStep(state.tourPlayback->tour.steps[state.tourPlayback->index], ignored, false);
    } else {
        state.resetCamera(false);
    }

    render::RenderTarget screen;
    if (!screen.resize(width, height, 1, error)) return false;
    screen.bindResolvedForDrawing();
    glClearColor(0.08f, 0.085f, 0.095f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    for (std::size_t i = 0; i < out.layout.views.size() && i < 2; ++i) {
        const ScreenRect& r = out.layout.views[i];
        const int x0 = static_cast<int>(std::lround(r.x)), x1 = static_cast<int>(std::lround(r.right()));
        const int y0 = static_cast<int>(std::lround(r.y)), y1 = static_cast<int>(std::lround(r.bottom()));
        if (x1 <= x0 || y1 <= y0) continue;
        render::RenderTarget view;
        if (!view.resize(x1 - x0, y1 - y0, state.options.msaa, error)) return false;
        renderer.render(state.scene, i == 0 ? state.view : state.compareView, state.camera, state.options, view);
        view.blitTo(screen.resolvedFramebuffer(), x0, height - y1, x1 - x0, y1 - y0);
    }
    ui.stats.gpuBytes = renderer.gpuBytes();
    if (drawPanels) {
        // Auto-sized windows settle on the second frame; only the last one is drawn.
        for (int frame = 0; frame < 3; ++frame) {
            ImGui_ImplOpenGL3_NewFrame();
            ImGui::NewFrame();
            ActionQueue ignored;
            buildUi(state, ui, ignored);
            ImGui::Render();
        }
        out.layout = ui.layout;
        out.labels = ui.labels;
        screen.bindResolvedForDrawing();
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    out.image = screen.readPixels();
    return true;
}

namespace {
int writeScreenshot(const std::string& path, const Image& image, const std::string& rendererName) {
    if (const std::string problem = writePng(path, image); !problem.empty()) {
        std::fprintf(stderr, "medius: cannot write screenshot %s: %s\n", path.c_str(), problem.c_str());
        return 1;
    }
    startupMark("PNG written");
    std::printf("medius: wrote %s (%dx%d, %s)\n", path.c_str(), image.width, image.height, rendererName.c_str());
    return 0;
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

    render::SceneRenderer renderer;
    if (withUi) {
        WindowPicture picture;
        if (!renderWindowOffscreen(state, renderer, width, height, true, picture, error)) {
            std::fprintf(stderr, "medius: cannot take a screenshot: %s\n", error.c_str());
            return 1;
        }
        return writeScreenshot(path, picture.image, context->rendererName());
    }
    render::RenderTarget target;
    if (!target.resize(width, height, state.options.msaa, error)) {
        std::fprintf(stderr, "medius: cannot take a screenshot: %s\n", error.c_str());
        return 1;
    }
    state.aspect = static_cast<float>(width) / static_cast<float>(height);
    // A tour step has placed the camera already (possibly exactly, as recorded).
    if (!state.tourPlayback) state.resetCamera(false);

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
    return writeScreenshot(path, target.readPixels(), context->rendererName());
}

}  // namespace medius::app

namespace medius::app {

int exportHandout(AppState& state, const std::string& path, const std::vector<std::string>& exercises) {
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
    const std::vector<HandoutExercise> page = handoutExercises(state, renderer, exercises, error);
    if (page.size() != exercises.size()) {
        std::fprintf(stderr, "medius: --exercises: %s\n", error.c_str());
        return 2;
    }
    HandoutMeasure measure;
    if (const std::string problem = writeHandoutPdf(path, *c, state.content, picture, &measure, page);
        !problem.empty()) {
        std::fprintf(stderr, "medius: cannot write %s: %s\n", path.c_str(), problem.c_str());
        return 1;
    }
    if (page.empty()) std::printf("medius: wrote %s\n", path.c_str());
    else
        std::printf("medius: wrote %s (%d pages, %d of them exercises)\n", path.c_str(), measure.pages,
                    measure.exercisePages);
    return 0;
}

}  // namespace medius::app
