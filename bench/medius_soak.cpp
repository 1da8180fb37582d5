// medius_soak [ROUNDS] [--round-frames N] [--size WxH] [--warm-up-rounds N] [--max-growth-mb N]
// [--plant-leak-bytes N] [--plant-gl-leak] [--json FILE]: renders ROUNDS rounds of offscreen
// frames, each round the same script of actions the panels emit (conditions, sections, X-ray,
// poses, selection, undo) with the camera turning and coming back, and samples the app's heap,
// glibc's whole heap and resident memory every frame and the GL objects alive at each round's
// end. With --max-growth-mb it exits 1 when the app's heap grew more than that after the
// warm-up rounds, or when more GL objects are alive (CTest runs a short soak this way, and
// with each planted leak, which must fail).
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "app/command_line.hpp"
#include "app/scene_setup.hpp"
#include "app_heap.hpp"
#include "core/content_loader.hpp"
#include "core/hip_pose.hpp"
#include "heap_usage.hpp"
#include "render/egl_context.hpp"
#include "render/gl.hpp"
#include "render/scene_renderer.hpp"

using namespace medius;
using medius::bench::appHeapMiB;
using medius::bench::heapInUseMiB;
using medius::bench::residentMiB;

namespace {

// The GL objects alive: with force_gl_names_reuse (set in main) Mesa hands out the lowest free
// name, so a renderer that creates buffers, textures or framebuffers without deleting them pushes
// the next name up round after round. (Vertex arrays are left out: Mesa 22 never reuses theirs.)
long glNamesInUse() {
    GLuint buffer = 0, texture = 0, framebuffer = 0, renderbuffer = 0;
    glGenBuffers(1, &buffer);
    glGenTextures(1, &texture);
    glGenFramebuffers(1, &framebuffer);
    glGenRenderbuffers(1, &renderbuffer);
    glDeleteBuffers(1, &buffer);
    glDeleteTextures(1, &texture);
    glDeleteFramebuffers(1, &framebuffer);
    glDeleteRenderbuffers(1, &renderbuffer);
    return static_cast<long>(buffer) + texture + framebuffer + renderbuffer;
}
}  // namespace

int main(int argc, char** argv) {
    int rounds = 10, roundFrames = 480, warmUpRounds = 1, width = 320, height = 200;
    double maxGrowth = -1.0;
    std::string jsonPath;
    // --plant-leak-bytes N keeps N bytes per frame that are never given back: the test that
    // the check fails on a leak of that size.
    std::size_t plantedLeak = 0;
    std::vector<std::vector<char>> planted;
    // --plant-gl-leak makes a buffer every 60 frames and never deletes it.
    bool plantGlLeak = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--size" && i + 1 < argc) {
            if (!app::parseImageSize(argv[++i], width, height)) return 2;
        } else if (a == "--max-growth-mb" && i + 1 < argc) {
            maxGrowth = std::atof(argv[++i]);
        } else if (a == "--round-frames" && i + 1 < argc) {
            roundFrames = std::max(40, std::atoi(argv[++i]));
        } else if (a == "--warm-up-rounds" && i + 1 < argc) {
            warmUpRounds = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--plant-leak-bytes" && i + 1 < argc) {
            plantedLeak = static_cast<std::size_t>(std::atol(argv[++i]));
        } else if (a == "--plant-gl-leak") {
            plantGlLeak = true;
        } else if (a == "--json" && i + 1 < argc) {
            jsonPath = argv[++i];
        } else if (std::atoi(a.c_str()) > 0) {
            rounds = std::atoi(a.c_str());
        } else {
            std::fprintf(stderr, "medius_soak: unknown argument '%s'\n", a.c_str());
            return 2;
        }
    }
    if (rounds <= warmUpRounds) {
        std::fprintf(stderr, "medius_soak: %d rounds leave none after the %d warm-up rounds\n",
                     rounds, warmUpRounds);
        return 2;
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
    setenv("force_gl_names_reuse", "true", 1);  // Mesa's driconf, read when the context starts
    auto context = render::HeadlessContext::create(false, error);
    if (!context) {
        std::fprintf(stderr, "medius_soak: no OpenGL: %s\n", error.c_str());
        return 1;
    }
    auto renderer = std::make_unique<render::SceneRenderer>();
    render::RenderTarget target;
    if (!target.resize(width, height, 1, error)) {
        std::fprintf(stderr, "medius_soak: %s\n", error.c_str());
        return 1;
    }

    std::vector<std::string> conditions{""};
    for (const auto& c : state.content.conditions) conditions.push_back(c.id);
    const char* sections[] = {"off", "coronal", "sagittal", "transverse"};
    const auto& presets = posePresets();
    // Every round plays the same script from the same state, so what the app and Mesa hold
    // at the busiest moment of a round is the same each round unless something leaks. The
    // heap in use is read after every frame. The first round fills Mesa's caches and the undo
    // history: it is the warm-up.
    struct Sample {
        int round;
        double floor, ceiling, resident;  // lowest and highest heap in use, resident at the end
        double settled;                   // heap in use at the round's end, all work done
        double appFloor, appCeiling, appSettled;  // the same for the app's own C++ heap
        long glNames;
    };
    std::vector<Sample> samples;
    const auto start = std::chrono::steady_clock::now();
    double clock = 0.0;
    for (int round = 1; round <= rounds; ++round) {
        double floor = 1e30, ceiling = 0.0, appFloor = 1e30, appCeiling = 0.0;
        for (int g = 1; g <= roundFrames; ++g) {
            std::vector<Action> actions;
            if (g % 20 == 0)
                actions.push_back(SelectConditionAction{conditions[(g / 20) % conditions.size()]});
            if (g % 30 == 0) {
                actions.push_back(SetViewOptionAction{"section", sections[(g / 30) % 4]});
                actions.push_back(
                    SetViewOptionAction{"section-offset", std::to_string((g % 140) - 70)});
            }
            if (g % 25 == 0)
                actions.push_back(
                    SetViewOptionAction{"pose", presets[(g / 25) % presets.size()].name});
            if (g % 45 == 0)
                actions.push_back(SetViewOptionAction{"xray", (g / 45) % 2 ? "on" : "off"});
            if (g % 35 == 0) {
                const auto& s = state.scene.structures()[(g / 35 * 7) % state.scene.size()];
                actions.push_back(SelectStructureAction{s.id});
            }
            if (g % 55 == 0) actions.push_back(UndoAction{});
            for (const auto& a : actions) applyAction(state, a, sink);
            // Forth and back every 40 frames: each round ends where it began.
            state.camera.rotate(7.0f, (g % 40 < 20) ? 1.0f : -1.0f, static_cast<float>(height));
            clock += 0.05;
            state.transition.advance(0.05f, state.camera);
            state.history.observe(state.snapshot(), clock);
            renderer->render(state.scene, state.view, state.camera, state.options, target);
            if (plantedLeak > 0) planted.emplace_back(plantedLeak, static_cast<char>(g));
            if (plantGlLeak && g % 60 == 0) {
                GLuint kept = 0;
                glGenBuffers(1, &kept);
            }
            if (g % 50 == 0) glFinish();
            const double heap = heapInUseMiB();
            floor = std::min(floor, heap);
            ceiling = std::max(ceiling, heap);
            const double app = appHeapMiB();
            appFloor = std::min(appFloor, app);
            appCeiling = std::max(appCeiling, app);
        }
        // The end of a round: the same state every time (plain anatomy, standing, no section,
        // no X-ray, nothing selected), all GL work done, freed memory given back.
        for (const Action& a :
             std::vector<Action>{SelectConditionAction{""}, SetViewOptionAction{"section", "off"},
                                 SetViewOptionAction{"pose", "standing"},
                                 SetViewOptionAction{"xray", "off"}, SelectStructureAction{""}})
            applyAction(state, a, sink);
        state.transition.advance(10.0f, state.camera);
        renderer->render(state.scene, state.view, state.camera, state.options, target);
        glFinish();
        malloc_trim(0);
        samples.push_back({round, floor, ceiling, residentMiB(), heapInUseMiB(), appFloor,
                           appCeiling, appHeapMiB(), glNamesInUse()});
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const double peakRss = static_cast<double>(usage.ru_maxrss) / 1024.0;
    // The check is on the app's own heap (operator new, above), not on glibc's whole heap in use
    // nor on what is resident: those also count what Mesa keeps, which moves by tens of MiB from
    // round to round with no leak (shown in the report, not judged). Every round plays the same
    // script from the same state, so the app's highest point in a round repeats (to about 10 KB
    // here) unless something leaks: the growth is the rise of that peak after the warm-up. GL
    // objects made and never deleted would not show there, so the names in use at each round's
    // end must also stay those of the warm-up's end.
    const Sample& base = samples[static_cast<std::size_t>(warmUpRounds) - 1];
    double appPeakLate = base.appCeiling, heapPeakLate = base.ceiling, residentLate = base.resident;
    long namesLate = base.glNames;
    for (std::size_t i = static_cast<std::size_t>(warmUpRounds); i < samples.size(); ++i) {
        appPeakLate = std::max(appPeakLate, samples[i].appCeiling);
        heapPeakLate = std::max(heapPeakLate, samples[i].ceiling);
        residentLate = std::max(residentLate, samples[i].resident);
        namesLate = std::max(namesLate, samples[i].glNames);
    }
    const double growth = appPeakLate - base.appCeiling;
    const int frames = rounds * roundFrames;
    std::printf(
        "medius_soak: %d rounds of %d frames at %dx%d in %.1f s (%.1f ms per frame); %d errors "
        "reported\n",
        rounds, roundFrames, width, height, seconds, seconds * 1000.0 / frames,
        sink.count(Level::Error));
    for (const Sample& s : samples)
        std::printf(
            "  round %3d  app heap %8.3f to %8.3f MiB (%8.3f at its end)  GL names in use %4ld  "
            "whole heap %7.2f to %7.2f MiB  resident at its end %6.1f MiB%s\n",
            s.round, s.appFloor, s.appCeiling, s.appSettled, s.glNames, s.floor, s.ceiling,
            s.resident, s.round <= warmUpRounds ? "  (warm-up)" : "");
    std::printf(
        "medius_soak: the app's highest heap %.3f MiB in the last warm-up round, at most %.3f MiB "
        "in a later one: growth %+.3f MiB (%.0f bytes a frame); GL names in use %ld -> at most "
        "%ld; whole heap's peak %.1f -> %.1f MiB, resident at a round's end %.1f -> at most %.1f "
        "MiB; peak resident %.1f MiB\n",
        base.appCeiling, appPeakLate, growth,
        growth * 1048576.0 / ((rounds - warmUpRounds) * roundFrames), base.glNames, namesLate,
        base.ceiling, heapPeakLate, base.resident, residentLate, peakRss);
    if (!jsonPath.empty()) {
        std::ofstream json(jsonPath);
        json << "{\"frames\": " << frames << ", \"seconds\": " << seconds
             << ", \"app_heap_peak_after_warm_up_mib\": " << base.appCeiling
             << ", \"app_heap_peak_later_mib\": " << appPeakLate << ", \"growth_mib\": " << growth
             << ", \"gl_names_after_warm_up\": " << base.glNames
             << ", \"gl_names_later_max\": " << namesLate
             << ", \"heap_peak_after_warm_up_mib\": " << base.ceiling
             << ", \"heap_peak_later_mib\": " << heapPeakLate
             << ", \"resident_after_warm_up_mib\": " << base.resident
             << ", \"resident_later_max_mib\": " << residentLate << ", \"peak_mib\": " << peakRss
             << "}\n";
    }
    if (sink.hasErrors()) return 1;
    if (maxGrowth >= 0.0 && growth > maxGrowth) {
        std::fprintf(stderr,
                     "medius_soak: the heap grew %.2f MiB, more than the %.1f MiB allowed\n",
                     growth, maxGrowth);
        return 1;
    }
    if (maxGrowth >= 0.0 && namesLate > base.glNames) {
        std::fprintf(stderr,
                     "medius_soak: %ld GL objects more at a round's end than after the warm-up\n",
                     namesLate - base.glNames);
        return 1;
    }
    return 0;
}
