// medius_soak [FRAMES] [--size WxH] [--warm-up N] [--max-growth-mb N] [--json FILE]: renders FRAMES
// offscreen frames while switching conditions, sections, X-ray, poses, selection and the
// camera through the same actions the panels emit, and reports resident memory: after a
// warm-up, then every 500 frames. With --max-growth-mb it exits 1 when memory grew more
// than that after the warm-up (CTest runs a short soak this way).
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "app/command_line.hpp"
#include "app/scene_setup.hpp"
#include "core/content_loader.hpp"
#include "core/hip_pose.hpp"
#include "render/egl_context.hpp"
#include "render/gl.hpp"
#include "render/scene_renderer.hpp"

using namespace medius;

namespace {
double residentMiB() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}
}  // namespace

int main(int argc, char** argv) {
    int frames = 10000, width = 320, height = 200;
    double maxGrowth = -1.0;
    int warmUp = 1600;
    std::string jsonPath;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--size" && i + 1 < argc) {
            if (!app::parseImageSize(argv[++i], width, height)) return 2;
        } else if (a == "--max-growth-mb" && i + 1 < argc) {
            maxGrowth = std::atof(argv[++i]);
        } else if (a == "--warm-up" && i + 1 < argc) {
            warmUp = std::atoi(argv[++i]);
        } else if (a == "--json" && i + 1 < argc) {
            jsonPath = argv[++i];
        } else if (std::atoi(a.c_str()) > 0) {
            frames = std::atoi(a.c_str());
        } else {
            std::fprintf(stderr, "medius_soak: unknown argument '%s'\n", a.c_str());
            return 2;
        }
    }
    DiagnosticSink sink;
    app::AppState state;
    app::buildScene(app::CommandLine{}, state.scene, sink);
    state.content = loadContent(app::defaultContentDir(), app::knownNames(state.scene), sink);
    state.restScene = state.scene;
    state.rig = makePoseRig(state.restScene);
    state.updatePose();
    state.view.syncWith(state.scene);
    state.applyCondition(sink);
    state.aspect = static_cast<float>(width) / static_cast<float>(height);
    state.resetCamera(false);

    std::string error;
    auto context = render::HeadlessContext::create(false, error);
    if (!context) {
        std::fprintf(stderr, "medius_soak: no OpenGL: %s\n", error.c_str());
        return 1;
    }
    render::SceneRenderer renderer;
    render::RenderTarget target;
    if (!target.resize(width, height, 1, error)) {
        std::fprintf(stderr, "medius_soak: %s\n", error.c_str());
        return 1;
    }

    std::vector<std::string> conditions{""};
    for (const auto& c : state.content.conditions) conditions.push_back(c.id);
    const char* sections[] = {"off", "coronal", "sagittal", "transverse"};
    const auto& presets = posePresets();
    // Resident memory rises over the first 1500 or so frames (the first use of each feature
    // in each combination: every structure is selected once in 2205 frames) and is flat
    // after that; growth is measured from the end of the warm-up.
    warmUp = std::clamp(warmUp, 1, std::max(1, frames - 500));
    double warmRss = 0.0, peakRss = 0.0;
    std::vector<std::pair<int, double>> samples;
    const auto start = std::chrono::steady_clock::now();
    double clock = 0.0;
    for (int f = 1; f <= frames; ++f) {
        std::vector<Action> actions;
        if (f % 20 == 0)
            actions.push_back(SelectConditionAction{conditions[(f / 20) % conditions.size()]});
        if (f % 30 == 0) {
            actions.push_back(SetViewOptionAction{"section", sections[(f / 30) % 4]});
            actions.push_back(
                SetViewOptionAction{"section-offset", std::to_string((f % 140) - 70)});
        }
        if (f % 25 == 0)
            actions.push_back(SetViewOptionAction{"pose", presets[(f / 25) % presets.size()].name});
        if (f % 45 == 0)
            actions.push_back(SetViewOptionAction{"xray", (f / 45) % 2 ? "on" : "off"});
        if (f % 35 == 0) {
            const auto& s = state.scene.structures()[(f / 35) % state.scene.size()];
            actions.push_back(SelectStructureAction{s.id});
        }
        if (f % 55 == 0) actions.push_back(UndoAction{});
        for (const auto& a : actions) applyAction(state, a, sink);
        state.camera.rotate(7.0f, (f % 40 < 20) ? 1.0f : -1.0f, static_cast<float>(height));
        clock += 0.05;
        state.transition.advance(0.05f, state.camera);
        state.history.observe(state.snapshot(), clock);
        renderer.render(state.scene, state.view, state.camera, state.options, target);
        if (f % 50 == 0) glFinish();
        // Freed memory goes back to the system before each sample: what stays is in use
        // (glibc otherwise keeps freed blocks, and the curve shows its bookkeeping).
        const bool sample = f >= warmUp && (f % 50 == 0 || f == warmUp);
        if (sample) {
            // Each sample is taken in the same state (plain anatomy, standing, no section,
            // no X-ray, nothing selected): what a frame holds depends on the state (a posed
            // copy of the scene, its search tree), and samples taken in different states
            // swing by tens of MiB, hiding or faking a leak. A leak raises every sample.
            for (const Action& a : std::vector<Action>{SelectConditionAction{""}, SetViewOptionAction{"section", "off"},
                                                       SetViewOptionAction{"pose", "standing"},
                                                       SetViewOptionAction{"xray", "off"}, SelectStructureAction{""}})
                applyAction(state, a, sink);
            renderer.render(state.scene, state.view, state.camera, state.options, target);
            glFinish();
            malloc_trim(0);
        }
        const double rss = sample ? residentMiB() : 0.0;
        if (sample) samples.emplace_back(f, rss);
    }
    glFinish();
    malloc_trim(0);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    peakRss = static_cast<double>(usage.ru_maxrss) / 1024.0;
    // Even in the same state, what is resident swings by about 10 MiB from sample to sample
    // (Mesa's and glibc's own pools). A leak raises the floor under the swings: the growth is
    // the lowest sample of the last half against the lowest of the first half.
    const auto lowest = [](const std::vector<double>& v) {
        return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end());
    };
    std::vector<double> head, tail;
    for (std::size_t i = 0; i < samples.size(); ++i)
        (i < samples.size() / 2 ? head : tail).push_back(samples[i].second);
    warmRss = lowest(head);
    const double lateRss = lowest(tail);
    const double growth = lateRss - warmRss;
    std::printf(
        "medius_soak: %d frames at %dx%d in %.1f s (%.1f ms per frame); %d errors reported\n",
        frames, width, height, seconds, seconds * 1000.0 / frames, sink.count(Level::Error));
    for (std::size_t i = 0; i < samples.size(); i += std::max<std::size_t>(1, samples.size() / 12))
        std::printf("  frame %6d  resident %7.1f MiB\n", samples[i].first, samples[i].second);
    std::printf(
        "medius_soak: resident (lowest sample) in the first half after the warm-up %.1f MiB, in the last half %.1f "
        "MiB: "
        "growth %+.1f MiB; peak %.1f MiB\n",
        warmRss, lateRss, growth, peakRss);
    if (!jsonPath.empty()) {
        std::ofstream json(jsonPath);
        json << "{\"frames\": " << frames << ", \"seconds\": " << seconds
             << ", \"resident_after_warm_up_mib\": " << warmRss
             << ", \"resident_end_mib\": " << lateRss << ", \"growth_mib\": " << growth
             << ", \"peak_mib\": " << peakRss << "}\n";
    }
    if (sink.hasErrors()) return 1;
    if (maxGrowth >= 0.0 && growth > maxGrowth) {
        std::fprintf(stderr, "medius_soak: memory grew %.1f MiB, more than the %.1f MiB allowed\n",
                     growth, maxGrowth);
        return 1;
    }
    return 0;
}
