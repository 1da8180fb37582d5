// medius_bench [out.json [--shading]]: times what a user waits for, on this machine, and prints a
// table and writes JSON. Anatomy generation (always generated here, never from the cache),
// content loading, picking latency (BVH ray casts through random pixels), offscreen frame
// times at 1920x1080 and 3840x2160, GPU memory of the scene's buffers and peak resident
// memory. bench/run.sh adds start-up, the f3d comparison and the soak.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "app/scene_setup.hpp"
#include "core/content_loader.hpp"
#include "render/egl_context.hpp"
#include "render/gl.hpp"
#include "render/scene_renderer.hpp"

using namespace medius;
using Clock = std::chrono::steady_clock;

namespace {
double ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}
struct Row {
    std::string name;
    double value;
    std::string unit;
};
double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}
}  // namespace

int main(int argc, char** argv) {
    // --shading: only the default scene at 1080p, with each depth-shading effect alone, for
    // tuning those effects without the whole run.
    const bool shadingOnly = argc > 2 && std::string(argv[2]) == "--shading";
    std::vector<Row> rows;
    app::AppState state;
    DiagnosticSink sink;
    // A private cache folder: the first build generates and writes the snapshot, the
    // second reads it, as a user's first and later starts do.
    char cacheDir[] = "/tmp/medius-bench-XXXXXX";
    if (mkdtemp(cacheDir)) setenv("XDG_CACHE_HOME", cacheDir, 1);
    auto t0 = Clock::now();
    app::buildScene(app::CommandLine{}, state.scene, sink);
    auto t1 = Clock::now();
    rows.push_back(
        {"anatomy generation (first start: skin, joints, nerves included)", ms(t0, t1), "ms"});
    {
        Scene again;
        t0 = Clock::now();
        app::buildScene(app::CommandLine{}, again, sink);
        t1 = Clock::now();
        rows.push_back({"anatomy from the snapshot (later starts)", ms(t0, t1), "ms"});
        std::filesystem::remove_all(cacheDir);
    }
    rows.push_back({"scene triangles", static_cast<double>(state.scene.triangleCount()), ""});
    t0 = Clock::now();
    state.content = loadContent(app::defaultContentDir(), app::knownNames(state.scene), sink);
    t1 = Clock::now();
    rows.push_back(
        {"content loading (" + std::to_string(state.content.conditions.size()) + " conditions)",
         ms(t0, t1), "ms"});
    state.view.syncWith(state.scene);
    state.applyCondition(sink);
    state.aspect = 16.0f / 9.0f;
    state.options.view = "lateral";
    state.resetCamera(false);

    // Picking: the first call builds the BVH; then rays through random pixels.
    const Ray centre = state.camera.rayThroughPixel(960, 540, 1920, 1080);
    t0 = Clock::now();
    state.pick(centre);
    t1 = Clock::now();
    rows.push_back({"picking: BVH build", ms(t0, t1), "ms"});
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> x(0, 1920), y(0, 1080);
    std::vector<double> times;
    int hits = 0;
    for (int i = 0; i < 20000; ++i) {
        const Ray ray = state.camera.rayThroughPixel(x(rng), y(rng), 1920, 1080);
        const auto a = Clock::now();
        hits += state.pick(ray).has_value();
        times.push_back(ms(a, Clock::now()));
    }
    double mean = 0;
    for (double t : times) mean += t;
    rows.push_back({"picking latency, mean (" + std::to_string(hits) + " of 20000 rays hit)",
                    1000.0 * mean / times.size(), "us"});
    rows.push_back({"picking latency, 99th percentile", 1000.0 * percentile(times, 0.99), "us"});

    std::string error;
    auto context = render::HeadlessContext::create(false, error);
    if (context) {
        render::SceneRenderer renderer;
        render::RenderTarget target;
        // Median of five frames, each after an orbit step, timed to the end of the GPU work.
        const auto frame = [&](const std::string& name, int w, int h, int samples,
                               render::RenderDetail detail = render::RenderDetail::Full) {
            if (!target.resize(w, h, samples, error)) return;
            // Every frame set draws the same five views, so two settings compare like for like.
            const CameraPose start = state.camera.pose();
            renderer.render(state.scene, state.view, state.camera, state.options, target,
                            detail);  // warm
            glFinish();
            std::vector<double> f, cpu;
            for (int i = 0; i < 5; ++i) {
                state.camera.rotate(20.0f, 0.0f, static_cast<float>(h));  // an orbit step
                const auto a = Clock::now();
                const std::clock_t c = std::clock();
                renderer.render(state.scene, state.view, state.camera, state.options, target,
                                detail);
                glFinish();
                f.push_back(ms(a, Clock::now()));
                cpu.push_back(1000.0 * static_cast<double>(std::clock() - c) / CLOCKS_PER_SEC);
            }
            state.camera.setPose(start);
            rows.push_back(
                {"frame, " + name + " (" + std::to_string(renderer.lastTriangles()) + " triangles)",
                 percentile(f, 0.5), "ms"});
            // The processor time of all of llvmpipe's threads: the frame's cost even while
            // other work shares the machine (wall time then varies several fold).
            if (shadingOnly) rows.push_back({"  its processor time", percentile(cpu, 0.5), "ms"});
        };
        // The three scenes at both sizes: still frames are 4x multisampled; while the camera
        // moves the window draws single-sampled, simplified frames.
        const auto scenes = [&](int w, int h) {
            const std::string size = std::to_string(w) + "x" + std::to_string(h);
            state.conditionId.clear();
            state.options.xray = false;
            state.options.section = "off";
            state.applyCondition(sink);
            frame("anatomy, " + size + ", 4x MSAA", w, h, 4);
            // The same still frame without the depth shading (ambient occlusion, tissue
            // materials, striation): the cost of those effects, measured in the same run.
            state.options.ambientOcclusion = state.options.tissueMaterials =
                state.options.striation = false;
            frame("anatomy, " + size + ", 4x MSAA, depth shading off", w, h, 4);
            state.options.ambientOcclusion = state.options.tissueMaterials =
                state.options.striation = true;
            frame("anatomy, " + size + ", moving (no MSAA, simplified)", w, h, 1,
                  render::RenderDetail::Interactive);
            state.conditionId = "gluteal_tendinopathy";
            state.applyCondition(sink);
            frame("gluteal tendinopathy (ghosts, outlines, pain zones), " + size + ", 4x", w, h, 4);
            frame("gluteal tendinopathy, " + size + ", moving", w, h, 1,
                  render::RenderDetail::Interactive);
            state.options.xray = true;
            state.options.section = "coronal";
            state.options.sectionOffset = -66.0f;
            state.applyCondition(sink);
            frame("X-ray with a coronal section, " + size + ", 4x", w, h, 4);
            frame("X-ray with a coronal section, " + size + ", moving", w, h, 1,
                  render::RenderDetail::Interactive);
            state.options.transparency = "weighted";
            frame("X-ray with a coronal section, weighted transparency, " + size + ", 4x", w, h, 4);
            state.options.transparency = "sorted";
        };
        if (shadingOnly) {
            state.applyCondition(sink);
            const auto only = [&](bool ao, bool materials, bool striation, const char* name) {
                state.options.ambientOcclusion = ao;
                state.options.tissueMaterials = materials;
                state.options.striation = striation;
                frame(std::string("anatomy, 1920x1080, 4x MSAA, ") + name, 1920, 1080, 4);
            };
            only(true, true, true, "all depth shading");
            only(false, false, false, "depth shading off");
            only(true, false, false, "ambient occlusion only");
            only(false, true, false, "tissue materials only");
            only(false, false, true, "striation only");
            frame("anatomy, 1920x1080, moving", 1920, 1080, 1, render::RenderDetail::Interactive);
        } else {
            scenes(1920, 1080);
            scenes(3840, 2160);
        }
        rows.push_back(
            {"GPU memory of the scene's buffers", renderer.gpuBytes() / 1048576.0, "MiB"});
        rows.push_back({std::string("renderer: ") + context->rendererName(), 0, ""});
    } else {
        std::fprintf(stderr, "medius_bench: no OpenGL: %s\n", error.c_str());
    }

    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    rows.push_back({"peak resident memory (this benchmark process)",
                    static_cast<double>(usage.ru_maxrss) / 1024.0, "MiB"});
    std::printf("%-70s %12s\n", "measure", "value");
    for (const auto& r : rows)
        std::printf("%-70s %10.3f %s\n", r.name.c_str(), r.value, r.unit.c_str());
    const std::string out = argc > 1 ? argv[1] : "bench-results.json";
    std::ofstream json(out);
    json << "{\n";
    for (std::size_t i = 0; i < rows.size(); ++i)
        json << "  \"" << rows[i].name << "\": {\"value\": " << rows[i].value << ", \"unit\": \""
             << rows[i].unit << "\"}" << (i + 1 < rows.size() ? "," : "") << "\n";
    json << "}\n";
    std::printf("wrote %s\n", out.c_str());
    return 0;
}
