#include "app/headless_capture.hpp"

#include <cstdio>

#include "core/image.hpp"
#include "render/debug_output.hpp"
#include "render/egl_context.hpp"
#include "render/scene_renderer.hpp"

namespace medius::app {

int captureScreenshot(AppState& state, const std::string& path, int width, int height) {
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

    render::RenderTarget target;
    if (!target.resize(width, height, state.options.msaa, error)) {
        std::fprintf(stderr, "medius: cannot take a screenshot: %s\n", error.c_str());
        return 1;
    }
    state.aspect = static_cast<float>(width) / static_cast<float>(height);
    state.view.syncWith(state.scene);
    state.resetCamera(false);

    render::SceneRenderer renderer;
    renderer.render(state.scene, state.view, state.camera, state.options, target);
    const Image image = target.readPixels();
    if (const std::string problem = writePng(path, image); !problem.empty()) {
        std::fprintf(stderr, "medius: cannot write screenshot %s: %s\n", path.c_str(),
                     problem.c_str());
        return 1;
    }
    std::printf("medius: wrote %s (%dx%d, %s)\n", path.c_str(), width, height,
                context->rendererName().c_str());
    return 0;
}

}  // namespace medius::app
