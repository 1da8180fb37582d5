#include "app/window_app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "app/camera_input.hpp"
#include "app/input_replay.hpp"
#include "app/share_session.hpp"
#include "app/startup_trace.hpp"
#include "app/handout_picture.hpp"
#include "app/headless_capture.hpp"
#include "export/handout.hpp"
#include "app/input_events.hpp"
#include "core/image.hpp"
#include "app/ui_fonts.hpp"
#include "render/debug_output.hpp"
#include "render/gl.hpp"
#include "render/scene_renderer.hpp"
#include "app/ui_frame.hpp"
#include "app/ui_style.hpp"
#include "app/window_report.hpp"

namespace medius::app {

namespace {
std::string gGlfwError;
void onGlfwError(int code, const char* description) { gGlfwError = description; }

bool hasDisplay() {
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wayland && *wayland);
}


// Reads the window's back buffer (scene and UI) into a PNG.
bool saveBackBuffer(const std::string& path, int width, int height) {
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<std::size_t>(width) * height * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    flipRows(image);
    for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
    if (const std::string problem = writePng(path, image); !problem.empty()) {
        std::fprintf(stderr, "medius: cannot write %s: %s\n", path.c_str(), problem.c_str());
        return false;
    }
    return true;
}

// F11: fullscreen on the monitor the window is on (the projector, in a hall), and back.
struct WindowedPlacement {
    int x = 100, y = 100, width = 1440, height = 900;
};
void toggleFullscreen(GLFWwindow* window, WindowedPlacement& saved) {
    if (glfwGetWindowMonitor(window)) {
        glfwSetWindowMonitor(window, nullptr, saved.x, saved.y, saved.width, saved.height, 0);
        return;
    }
    glfwGetWindowPos(window, &saved.x, &saved.y);
    glfwGetWindowSize(window, &saved.width, &saved.height);
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* best = glfwGetPrimaryMonitor();
    const int cx = saved.x + saved.width / 2, cy = saved.y + saved.height / 2;
    for (int i = 0; i < count; ++i) {
        int mx = 0, my = 0;
        glfwGetMonitorPos(monitors[i], &mx, &my);
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        if (mode && cx >= mx && cx < mx + mode->width && cy >= my && cy < my + mode->height) best = monitors[i];
    }
    if (const GLFWvidmode* mode = best ? glfwGetVideoMode(best) : nullptr)
        glfwSetWindowMonitor(window, best, 0, 0, mode->width, mode->height, mode->refreshRate);
}

// F12: the current view at 3840x2160 through the same renderer as headless capture.
std::string exportScreenshot(const AppState& state, render::SceneRenderer& renderer) {
    render::RenderTarget big;
    std::string error;
    if (!big.resize(3840, 2160, state.options.msaa, error)) return "screenshot failed: " + error;
    OrbitCamera camera = state.camera;
    renderer.render(state.scene, state.view, camera, state.options, big);
    const Image image = big.readPixels();
    const char* home = std::getenv("HOME");
    std::string folder = home ? std::string(home) + "/Pictures" : ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) folder = home ? home : ".";
    char name[64];
    const std::time_t now = std::time(nullptr);
    std::strftime(name, sizeof name, "/medius-%Y%m%d-%H%M%S.png", std::localtime(&now));
    const std::string path = folder + name;
    if (const std::string problem = writePng(path, image); !problem.empty()) return "screenshot failed: " + problem;
    return "saved " + path;
}

// File > Export patient handout: into ~/Documents (or the home folder).
std::string saveHandoutFromWindow(AppState& state, render::SceneRenderer& renderer, DiagnosticSink& sink,
                                  bool withExercises) {
    const Condition* c = state.condition();
    if (!c) return "choose a condition first: the handout explains one condition";
    std::string error;
    const Image picture = renderHandoutPicture(state, renderer, error);
    if (picture.rgba.empty()) return "handout failed: " + error;
    const char* home = std::getenv("HOME");
    std::string folder = home ? std::string(home) + "/Documents" : ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) folder = home ? home : ".";
    const std::string path = folder + "/medius-handout-" + c->id + (withExercises ? "-exercises" : "") + ".pdf";
    std::vector<HandoutExercise> exercises;
    if (withExercises) {
        const auto ids = state.exercisesForHandout();
        if (ids.empty()) return "this condition has no exercise programme";
        exercises = handoutExercises(state, renderer, ids, error);
        if (exercises.empty()) return "handout failed: " + error;
    }
    if (const std::string problem = writeHandoutPdf(path, *c, state.content, picture, nullptr, exercises);
        !problem.empty()) {
        sink.error(path, 0, problem);
        return "handout failed: " + problem;
    }
    return "saved " + path;
}

// Owns GLFW and ImGui for the lifetime of the window, in the right order.
struct WindowSession {
    GLFWwindow* window = nullptr;
    bool imguiGlfw = false, imguiGl = false;
    ~WindowSession() {
        if (imguiGl) ImGui_ImplOpenGL3_Shutdown();
        if (imguiGlfw) ImGui_ImplGlfw_Shutdown();
        if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
        if (window) glfwDestroyWindow(window);
        glfwTerminate();
    }
};
}  // namespace

int runWindow(AppState& state, const CommandLine& commandLine, DiagnosticSink& sink) {
    if (!hasDisplay()) {
        std::fprintf(stderr,
                     "medius: no display (DISPLAY and WAYLAND_DISPLAY are unset); to render "
                     "without one, run: medius --screenshot out.png\n");
        return 2;
    }
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        std::fprintf(stderr, "medius: cannot open a window: %s; to render without a display, "
                     "run: medius --screenshot out.png\n", gGlfwError.c_str());
        return 2;
    }
    WindowSession session;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
#ifndef NDEBUG
    glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, GLFW_TRUE);
#endif
    // Replay input logs before opening anything: a bad log is a clear error, not a window.
    std::optional<InputReplay> replay;
    if (!commandLine.playInput.empty()) {
        const auto text = readFile(commandLine.playInput);
        if (!text) {
            std::fprintf(stderr, "medius: %s: cannot read the input log\n", commandLine.playInput.c_str());
            return 2;
        }
        const int errorsBefore = sink.count(Level::Error);
        auto events = parseInputLog(*text, commandLine.playInput, sink);
        if (sink.count(Level::Error) > errorsBefore) return 2;
        replay.emplace(std::move(events));
    }
    InputRecorder recorder;
    session.window = glfwCreateWindow(commandLine.sizeGiven ? commandLine.width : 1440,
                                      commandLine.sizeGiven ? commandLine.height : 900, "Medius",
                                      nullptr, nullptr);
    if (!session.window) {
        std::fprintf(stderr, "medius: cannot create an OpenGL 3.3 core window: %s\n",
                     gGlfwError.c_str());
        return 1;
    }
    GLFWwindow* window = session.window;
    glfwMakeContextCurrent(window);
    if (!gladLoadGL(glfwGetProcAddress)) {
        std::fprintf(stderr, "medius: cannot load OpenGL 3.3 core functions\n");
        return 1;
    }
    glfwSwapInterval(state.options.vsync ? 1 : 0);
    render::GlMessageLog glLog;
#ifndef NDEBUG
    render::installDebugOutput(glLog, true);
#endif

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // window layout is not persisted yet
    float contentScale = 1.0f, unusedY = 1.0f;
    glfwGetWindowContentScale(window, &contentScale, &unusedY);
    const std::string fontPath = findUiFont();
    if (fontPath.empty())
        sink.warning(std::getenv("MEDIUS_UI_FONT") ? std::getenv("MEDIUS_UI_FONT") : "", 0,
                     "no TTF font found (install fonts-dejavu-core, or point MEDIUS_UI_FONT at a "
                     ".ttf); using ImGui's built-in font");
    float appliedScale = contentScale * state.options.uiScale;
    std::string appliedTheme = state.options.theme;
    buildUiFonts(fontPath, uiFontSize(appliedTheme, appliedScale));
    applyUiStyle(appliedTheme, appliedScale);
    InputEvents events;
    installInputCallbacks(window, events);  // before ImGui, which chains to them
    session.imguiGlfw = ImGui_ImplGlfw_InitForOpenGL(window, true);
    session.imguiGl = ImGui_ImplOpenGL3_Init("#version 330 core");

    render::SceneRenderer renderer;
    // One 3D view, or two side by side when comparing conditions. While the camera moves,
    // frames go to a single-sample target (multisampling triples the cost on a software
    // renderer); when it stops, one multisampled frame replaces it.
    struct ViewTargets {
        render::RenderTarget quality, fast;
        const render::RenderTarget* shown = nullptr;
    };
    ViewTargets views[2];
    bool qualityPending = false;
    int requestedSamples = 0;
    int fbWidth = 0, fbHeight = 0;
    glfwGetFramebufferSize(window, &fbWidth, &fbHeight);

    UiState ui;
    ui.stats.renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    // The camera frames into the viewport, not the window: lay the window out once before
    // the first frame, so the first picture is already centred in the space the user sees.
    {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        const PanelLayout first = layoutFor(state, ui, ImGui::GetFrameHeight());
        ImGui::EndFrame();
        state.aspect = first.views.front().width / std::max(first.views.front().height, 1.0f);
    }
    if (state.tourPlayback)  // --tour: its step again, for the viewport's shape
        state.applyTourStep(state.tourPlayback->tour.steps[state.tourPlayback->index], sink, false);
    else
        state.resetCamera(false);
    // Share with the room: the server lives as long as the window (stopped when it closes).
    ShareSession sharing;
    int sharePort = commandLine.sharePort > 0 ? commandLine.sharePort : kDefaultSharePort;
    const auto toggleSharing = [&] {
        if (sharing.on()) {
            sharing.stop();
            ui.stats.message = "stopped sharing";
            return;
        }
        std::string error;
        if (sharing.start(sharePort, commandLine.shareCode, error))
            ui.stats.message = "sharing with the room";
        else {
            sink.error("", 0, "cannot share: " + error);
            ui.stats.message = "cannot share: " + error;
        }
    };
    if (commandLine.sharePort > 0) toggleSharing();
    WindowedPlacement windowed;
    bool sceneDirty = true;
    int settleFrames = 3;  // ImGui needs a few frames after input to settle hover and layout
    double lastTime = glfwGetTime();
    int framesDrawn = 0;
    int exitCode = 0;

    while (!glfwWindowShouldClose(window) && !state.quitRequested) {
        // 1. Events. When idle, sleep until something happens (libigl's viewer):
        //    on llvmpipe each redraw costs tens of milliseconds.
        const auto frameStart = std::chrono::steady_clock::now();
        double renderMs = 0.0;
        // A playing exercise animates: poll, do not wait.
        const bool animating = state.exercise() && !state.exerciseClock.paused();
        if (settleFrames > 0 || state.transition.active() || replay || animating) {
            glfwPollEvents();
            if (events.arrived) settleFrames = 3;  // input in the last settling frame settles too
        } else {
            glfwWaitEvents();
            settleFrames = 3;
        }
        --settleFrames;
        const double now = glfwGetTime();
        const float dt = static_cast<float>(std::min(now - lastTime, 0.1));
        lastTime = now;

        const float wantedScale = contentScale * state.options.uiScale;
        if (wantedScale != appliedScale || state.options.theme != appliedTheme) {
            // A new size means a new font atlas, rasterised by FreeType at that size: crisp,
            // not a scaled bitmap.
            appliedScale = wantedScale;
            appliedTheme = state.options.theme;
            buildUiFonts(fontPath, uiFontSize(appliedTheme, appliedScale));
            applyUiStyle(appliedTheme, appliedScale);
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }

        // 2. UI: panels read state and emit actions.
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        if (replay) replay->apply(io, events);
        ImGui::NewFrame();
        if (!commandLine.recordInput.empty()) recorder.observe(io, events);
        ActionQueue actions;
        ui.stats.triangles = state.scene.triangleCount();
        ui.stats.gpuBytes = renderer.gpuBytes();
        buildUi(state, ui, actions);
        // Panels take focus as they first appear; start with the keys on the 3D view.
        if (framesDrawn == 1) ImGui::SetWindowFocus(nullptr);
        if (!io.WantCaptureKeyboard) {
            if (events.pressed(GLFW_KEY_F1)) ui.panels.help = !ui.panels.help;
            // A key that asks for a section also opens the sidebar it lives in.
            const auto toggle = [&](bool& shown, const char* sidebar) {
                shown = !shown;
                if (shown) actions.push_back(SetViewOptionAction{sidebar, "true"});
            };
            if (events.pressed(GLFW_KEY_C)) toggle(ui.panels.compare, "right-sidebar");
            if (events.pressed(GLFW_KEY_B)) toggle(ui.panels.bookmarks, "right-sidebar");
            if (events.pressed(GLFW_KEY_T)) toggle(ui.panels.tours, "left-sidebar");
            if (events.pressed(GLFW_KEY_P)) toggle(ui.panels.pose, "right-sidebar");
            if (events.pressed(GLFW_KEY_H)) ui.hidden = !ui.hidden;
            if (events.pressed(GLFW_KEY_LEFT_BRACKET))
                actions.push_back(SetViewOptionAction{"left-sidebar", state.options.leftSidebar ? "false" : "true"});
            if (events.pressed(GLFW_KEY_RIGHT_BRACKET))
                actions.push_back(SetViewOptionAction{"right-sidebar", state.options.rightSidebar ? "false" : "true"});
            if (events.pressed(GLFW_KEY_A)) {
                ui.pen = ui.pen == UiState::Pen::Off ? UiState::Pen::Draw : UiState::Pen::Off;
                if (ui.pen != UiState::Pen::Off) actions.push_back(SetViewOptionAction{"right-sidebar", "true"});
            }
        }
        if (events.pressed(GLFW_KEY_F11)) toggleFullscreen(window, windowed);
        if (events.pressed(GLFW_KEY_F12)) {
            ui.stats.message = exportScreenshot(state, renderer);
            std::fprintf(stderr, "medius: %s\n", ui.stats.message.c_str());
            sceneDirty = true;  // the export drew into its own target; redraw ours
        }
        const std::vector<ScreenRect>& viewRects = ui.layout.views;
        const ScreenRect& viewport = ui.layout.viewport;
        const glm::vec2 mouse(io.MousePos.x, io.MousePos.y);
        // The laser pointer: a bright dot instead of the cursor while over the model.
        const bool laser = state.options.laserPointer && !io.WantCaptureMouse && viewport.contains(mouse);
        glfwSetInputMode(window, GLFW_CURSOR, laser ? GLFW_CURSOR_HIDDEN : GLFW_CURSOR_NORMAL);
        if (laser) {
            ImDrawList* fg = ImGui::GetForegroundDrawList();
            const float r = ImGui::GetFontSize() * 0.35f;
            fg->AddCircleFilled(io.MousePos, r * 2.2f, IM_COL32(255, 30, 30, 60));
            fg->AddCircleFilled(io.MousePos, r, IM_COL32(255, 40, 40, 255));
            fg->AddCircleFilled(io.MousePos, r * 0.4f, IM_COL32(255, 220, 220, 255));
        }

        // 3. Apply actions and camera input.
        int winWidth = 0, winHeight = 0;
        glfwGetWindowSize(window, &winWidth, &winHeight);
        // The pen: strokes over the view, or a note on the surface under a click.
        const bool pen = ui.pen != UiState::Pen::Off;
        if (ui.pen == UiState::Pen::Draw && !io.WantCaptureMouse && viewport.contains(mouse)) {
            const glm::vec2 at = (mouse - viewport.min()) / viewport.size();
            if (ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
                (ui.currentStroke.empty() || glm::length(at - ui.currentStroke.back()) > 0.002f))
                ui.currentStroke.push_back(at);
        }
        if (ui.pen == UiState::Pen::Draw && !ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
            !ui.currentStroke.empty()) {
            actions.push_back(AddStrokeAction{ui.currentStroke});
            ui.currentStroke.clear();
        }
        if (ui.pen == UiState::Pen::Note && !io.WantCaptureMouse)
            for (const glm::vec2& at : events.clicks)
                if (const auto ray = rayAt(state, viewRects, at); const auto hit = ray ? state.pick(*ray) : std::nullopt) {
                    actions.push_back(AddNoteAction{hit->point, ui.noteText[0] ? ui.noteText : "note"});
                    ui.noteText[0] = '\0';
                    ui.pen = UiState::Pen::Off;
                }
        bool cameraMoved = handleCameraInput(state, io, events, viewRects, actions, pen);
        const bool movedByHand = cameraMoved;
        // Turntable: a slow turn whenever nobody is moving the camera by hand.
        if (state.options.turntable && !cameraMoved && !state.transition.active()) {
            CameraPose p = state.camera.pose();
            p.yaw += dt * 0.35f;
            state.camera.setPose(p);
            cameraMoved = true;
            settleFrames = std::max(settleFrames, 1);
        }
        events.clear();
        sceneDirty |= cameraMoved;
        const bool vsyncBefore = state.options.vsync;
        for (const auto& action : actions) {
            if (std::holds_alternative<ToggleShareAction>(action)) {
                toggleSharing();
                continue;
            }
            if (const auto* handout = std::get_if<ExportHandoutAction>(&action)) {
                ui.stats.message = saveHandoutFromWindow(state, renderer, sink, handout->withExercises);
                sceneDirty = true;
                continue;
            }
            sceneDirty |= applyAction(state, action, sink);
        }
        if (state.options.vsync != vsyncBefore) glfwSwapInterval(state.options.vsync ? 1 : 0);
        sceneDirty |= state.transition.advance(dt, state.camera) || state.transition.active();
        // The exercise's loop runs on elapsed time; the model is re-posed at most 30 times a
        // second (posing the whole model costs tens of ms on llvmpipe), its positions re-uploaded
        // through the per-structure revisions.
        sceneDirty |= state.advanceExercise(dt, 1.0 / 30.0, sink);
        state.history.observe(state.snapshot(), now);
        sharing.frame(state);  // a copy for the server's threads; they never read AppState
        {
            const ShareStatus share = sharing.status();
            state.shareUrl = share.url;
            ui.stats.share = {share.on, share.url, share.code, share.qr, share.qrSize,
                              share.clients, share.maxClients, share.refused};
        }

        // 4. Render the 3D views only when something changed, each into its own target
        //    the size of its rectangle in framebuffer pixels.
        glfwGetFramebufferSize(window, &fbWidth, &fbHeight);
        const float scaleX = winWidth > 0 ? static_cast<float>(fbWidth) / winWidth : 1.0f;
        const float scaleY = winHeight > 0 ? static_cast<float>(fbHeight) / winHeight : 1.0f;
        struct PixelRect {
            int x, y, width, height;  // y up, as OpenGL counts
        };
        const auto toPixels = [&](const ScreenRect& r) {
            const int x0 = static_cast<int>(std::lround(r.x * scaleX)), x1 = static_cast<int>(std::lround(r.right() * scaleX));
            const int y0 = static_cast<int>(std::lround(r.y * scaleY)), y1 = static_cast<int>(std::lround(r.bottom() * scaleY));
            return PixelRect{x0, fbHeight - y1, std::max(x1 - x0, 0), std::max(y1 - y0, 0)};
        };
        const std::size_t viewCount = std::min<std::size_t>(viewRects.size(), 2);
        if (fbWidth > 0 && fbHeight > 0 && viewCount > 0) {
            std::string error;
            bool resized = state.options.msaa != requestedSamples;
            for (std::size_t i = 0; i < viewCount; ++i) {
                const PixelRect px = toPixels(viewRects[i]);
                resized |= px.width != views[i].quality.width() || px.height != views[i].quality.height();
            }
            if (resized) {
                requestedSamples = state.options.msaa;
                for (std::size_t i = 0; i < viewCount; ++i) {
                    const PixelRect px = toPixels(viewRects[i]);
                    if (px.width <= 0 || px.height <= 0) continue;
                    if (!views[i].quality.resize(px.width, px.height, state.options.msaa, error) ||
                        !views[i].fast.resize(px.width, px.height, 1, error))
                        sink.error("", 0, error);
                }
            }
            state.aspect = viewRects.front().width / std::max(viewRects.front().height, 1.0f);
            // A playing exercise draws like a moving camera: the cheap frame while it moves,
            // the full one once paused.
            const bool playing = state.exercise() && !state.exerciseClock.paused();
            const bool interacting = cameraMoved || state.transition.active() || playing;
            bool draw = false, cheap = false;
            if (sceneDirty || resized) {
                draw = true;
                cheap = interacting && views[0].quality.samples() > 1;
                // A single-sample or simplified frame is replaced by a full one once still.
                qualityPending = cheap || (interacting && state.options.simplifyWhileMoving);
            } else if (qualityPending && !interacting) {
                draw = true;
                qualityPending = false;
            }
            if (draw) {
                const auto start = std::chrono::steady_clock::now();
                for (std::size_t i = 0; i < viewCount; ++i) {
                    render::RenderTarget& into = cheap ? views[i].fast : views[i].quality;
                    if (into.width() <= 0 || into.height() <= 0) continue;
                    renderer.render(state.scene, i == 0 ? state.view : state.compareView, state.camera,
                                    state.options, into,
                                    // The turntable turns slowly for an audience: full detail.
                                    interacting && (movedByHand || state.transition.active() || playing)
                                        ? render::RenderDetail::Interactive
                                        : render::RenderDetail::Full);
                    views[i].shown = &into;
                }
                glFinish();
                ui.stats.frameMs = std::chrono::duration<float, std::milli>(
                                       std::chrono::steady_clock::now() - start)
                                       .count();
                renderMs = ui.stats.frameMs;
                sceneDirty = false;
            }
            if (qualityPending) settleFrames = std::max(settleFrames, 1);
        }

        // 5. UI draw over the resolved scene, then swap. Nothing above runs after Render().
        ImGui::Render();
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, fbWidth, fbHeight);
        glClearColor(0.08f, 0.085f, 0.095f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        for (std::size_t i = 0; i < viewCount; ++i) {
            const PixelRect px = toPixels(viewRects[i]);
            if (views[i].shown && px.width > 0 && px.height > 0)
                views[i].shown->blitTo(0, px.x, px.y, px.width, px.height);
        }
        glViewport(0, 0, fbWidth, fbHeight);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++framesDrawn;
        const bool lastFrame =
            commandLine.exitAfterFrames > 0 && framesDrawn >= commandLine.exitAfterFrames;
        if (lastFrame && !commandLine.windowCapture.empty())
            exitCode = saveBackBuffer(commandLine.windowCapture, fbWidth, fbHeight) ? 0 : 1;
        glfwSwapBuffers(window);
        state.replaying = replay.has_value();
        if (!commandLine.reportFile.empty()) {  // after the swap: "frame N" counts this frame
            // The (first) 3D view: where the camera's picture is, in window coordinates.
            const ScreenRect& shownView = ui.layout.views.front();
            const WindowRect reported{static_cast<int>(shownView.x), static_cast<int>(shownView.y),
                                      static_cast<int>(shownView.width), static_cast<int>(shownView.height)};
            writeReport(commandLine.reportFile, state, winWidth, winHeight, reported,
                        ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow) || io.WantCaptureKeyboard,
                        framesDrawn, io);
        }
        if (framesDrawn == 1) startupMark("first frame presented");
        if (replay) {
            replay->frameDone(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                        frameStart)
                                  .count(),
                              renderMs);
            if (replay->finished()) {
                std::printf("medius: %s\n", replay->summary().c_str());
                replay.reset();
                // With --exit-after-frames the window goes on to that frame (e.g. to capture it).
                if (commandLine.exitAfterFrames == 0) break;
            }
        }
        if (lastFrame) break;
        // A test run keeps drawing instead of waiting for input that never comes.
        if (commandLine.exitAfterFrames > 0) settleFrames = 1;
    }
    if (!commandLine.recordInput.empty()) {
        if (const std::string error = writeFileAtomically(commandLine.recordInput, recorder.text());
            !error.empty())
            std::fprintf(stderr, "medius: input log not saved: %s\n", error.c_str());
        else
            std::fprintf(stderr, "medius: input log saved to %s\n", commandLine.recordInput.c_str());
    }
    return exitCode;
}

}  // namespace medius::app
