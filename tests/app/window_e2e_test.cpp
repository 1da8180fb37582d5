// End to end: the real medius window under Xvfb, driven through the X server with xdotool,
// exactly as a user's mouse and keyboard would. Run by CTest as
// `xvfb-run window_e2e_tests` (see CMakeLists.txt).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "anatomy_probes.hpp"
#include "app/scene_setup.hpp"
#include "core/orbit_camera.hpp"

using namespace medius;
namespace fs = std::filesystem;

namespace {

// Every wait below ends as soon as the app's report shows what it waits for; the limit only
// says when to give up (a loaded machine may take many seconds a frame).
constexpr double kLimitSeconds = 120.0;

struct Report {
    std::map<std::string, std::string> fields;
    CameraPose pose;
    float fovY = 0.6f;
    int width = 0, height = 0;
    bool moving = true;
    long frame = -1;              // frames presented
    glm::vec2 mouse{-1.0f};       // the cursor the app's last frame saw, window coordinates
    int buttons = 0;              // buttons that frame saw held: 1 left, 2 right, 4 middle
    glm::ivec4 viewport{0};       // where the 3D view is drawn: x, y, width, height
};

std::optional<Report> readReport(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    Report r;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string key;
        words >> key;
        if (key == "camera")
            words >> r.pose.target.x >> r.pose.target.y >> r.pose.target.z >> r.pose.distance >>
                r.pose.yaw >> r.pose.pitch >> r.fovY;
        else if (key == "window")
            words >> r.width >> r.height;
        else if (key == "frame")
            words >> r.frame;
        else if (key == "mouse")
            words >> r.mouse.x >> r.mouse.y;
        else if (key == "buttons")
            words >> r.buttons;
        else if (key == "viewport")
            words >> r.viewport.x >> r.viewport.y >> r.viewport.z >> r.viewport.w;
        else {
            std::string rest;
            std::getline(words >> std::ws, rest);
            r.fields[key] = rest;
        }
    }
    r.moving = r.fields["moving"] == "1";
    if (r.width == 0 || r.frame < 0 || r.viewport.z <= 0 || r.viewport.w <= 0) return std::nullopt;
    return r;
}

// Polls the report until `done` holds; gives up after `seconds`.
template <class Pred>
std::optional<Report> waitFor(const std::string& path, Pred done, double seconds = kLimitSeconds) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        if (auto r = readReport(path); r && done(*r)) return r;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return std::nullopt;
}

int xdotool(const std::string& args) { return std::system(("xdotool " + args + " >/dev/null 2>&1").c_str()); }

std::string xdotoolOutput(const std::string& args) {
    std::string out;
    if (FILE* p = ::popen(("xdotool " + args + " 2>/dev/null").c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, p)) out += buffer;
        ::pclose(p);
    }
    return out;
}

std::string describe(const std::optional<Report>& r) {
    if (!r) return "no report";
    std::ostringstream s;
    s << "frame " << r->frame << ", mouse " << r->mouse.x << "," << r->mouse.y << ", buttons " << r->buttons
      << ", yaw " << r->pose.yaw << ", moving " << r->moving << ", selected '" << r->fields.at("selected")
      << "', panel_has_keys " << r->fields.at("panel_has_keys") << ", viewport " << r->viewport.x << ","
      << r->viewport.y << " " << r->viewport.z << "x" << r->viewport.w;
    return s.str();
}

class MediusWindow : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display: run under xvfb-run";
        if (std::system("command -v xdotool >/dev/null 2>&1") != 0) GTEST_SKIP() << "needs xdotool";
        report_ = (fs::temp_directory_path() / ("medius_e2e_" + std::to_string(::getpid()) + ".report")).string();
        fs::remove(report_);
        const std::string data = (fs::temp_directory_path() / "medius_e2e_data").string();
        config_ = (fs::temp_directory_path() / ("medius_e2e_config_" + std::to_string(::getpid()))).string();
        const std::string& config = config_;
        fs::remove_all(config);
        pid_ = fork();
        if (pid_ == 0) {
            setenv("XDG_DATA_HOME", data.c_str(), 1);  // never touch the user's bookmarks
            setenv("XDG_CONFIG_HOME", config.c_str(), 1);  // nor their settings
            setenv("XDG_CACHE_HOME", (fs::temp_directory_path() / "medius_e2e_cache").c_str(), 1);
            execl(MEDIUS_BINARY, MEDIUS_BINARY, "--view", "lateral", "--hide-layer", "muscle",
                  "--hide-layer", "tendon", "--hide-layer", "bursa", "--hide-layer", "ligament",
                  "--hide-layer", "joint", "--hide-layer", "nerve", "--report", report_.c_str(),
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        ASSERT_GT(pid_, 0);
    }
    void TearDown() override {
        if (pid_ > 0) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == 0) {
                kill(pid_, SIGTERM);
                waitpid(pid_, &status, 0);
            }
        }
        fs::remove(report_);
    }
    // Where a world point appears: the camera's projection over the report's 3D viewport.
    glm::vec2 toWindow(const Report& r, const glm::vec3& p) const {
        OrbitCamera cam;
        cam.fovY = r.fovY;
        cam.setPose(r.pose);
        const glm::vec4 vp(r.viewport);
        const float aspect = vp.z / vp.w;
        const glm::vec4 clip = cam.projectionMatrix(aspect) * cam.viewMatrix() * glm::vec4(p, 1.0f);
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        return {vp.x + (ndc.x * 0.5f + 0.5f) * vp.z, vp.y + (0.5f - ndc.y * 0.5f) * vp.w};
    }

    // One xdotool action, then a wait until the report shows the app saw it: `seen` holds in
    // a frame drawn at least two frames after the action was sent (the app draws a few
    // frames after any input, so those come).
    template <class Pred>
    std::optional<Report> act(const std::string& action, Pred seen) {
        const auto before = readReport(report_);
        if (!before) return std::nullopt;
        if (xdotool(action) != 0) {
            ADD_FAILURE() << "xdotool " << action << " failed";
            return std::nullopt;
        }
        return waitFor(report_, [&](const Report& r) { return r.frame >= before->frame + 2 && seen(r); });
    }
    std::optional<Report> moveTo(glm::ivec2 at) {
        const glm::vec2 target(at);
        auto seen = [target](const Report& r) { return glm::length(r.mouse - target) < 0.5f; };
        if (auto now = readReport(report_); now && seen(*now)) return now;  // no motion, no event
        return act("mousemove --window " + window_ + " " + std::to_string(at.x) + " " + std::to_string(at.y), seen);
    }
    std::optional<Report> press() {
        return act("mousedown 1", [](const Report& r) { return (r.buttons & 1) != 0; });
    }
    std::optional<Report> release() {
        return act("mouseup 1", [](const Report& r) { return (r.buttons & 1) == 0; });
    }
    std::optional<Report> key(const std::string& name) {
        return act("key " + name, [](const Report&) { return true; });
    }

    std::string report_, window_, config_;
    pid_t pid_ = -1;
};

}  // namespace

TEST_F(MediusWindow, ClickSelectsTheTrochanterDragTurnsAndViewKeysMoveTheCamera) {
    // Where the greater trochanter is: the most lateral point of the femur above the lesser
    // trochanter, on the same generated anatomy the app shows.
    Scene scene;
    DiagnosticSink sink;
    app::buildScene(app::CommandLine{}, scene, sink);
    const Structure* femur = scene.find("femur_r");
    ASSERT_NE(femur, nullptr);
    glm::vec3 trochanter = test::trochanterLateralPoint(*femur);
    trochanter.z -= 3.0f;  // just inside the surface, so the ray meets the bone's face

    auto ready = waitFor(report_, [](const Report& r) { return !r.moving; });
    ASSERT_TRUE(ready) << "the window never reported a settled camera: " << describe(readReport(report_));
    std::istringstream ids(xdotoolOutput("search --sync --name Medius"));
    ASSERT_TRUE(ids >> window_) << "no window named Medius";
    const glm::ivec4 vp = ready->viewport;

    // Click on the trochanter: the femur is selected.
    const glm::vec2 at = toWindow(*ready, trochanter);
    ASSERT_GT(at.x, vp.x);
    ASSERT_LT(at.x, vp.x + vp.z);
    ASSERT_GT(at.y, vp.y);
    ASSERT_LT(at.y, vp.y + vp.w);
    const glm::ivec2 clickAt(at);
    ASSERT_TRUE(moveTo(clickAt)) << "the pointer never reached " << clickAt.x << "," << clickAt.y << ": "
                                 << describe(readReport(report_));
    ASSERT_TRUE(press()) << "the press was not seen: " << describe(readReport(report_));
    ASSERT_TRUE(release()) << "the release was not seen: " << describe(readReport(report_));
    auto selected = waitFor(report_, [](const Report& r) { return r.fields.at("selected") == "femur_r"; });
    ASSERT_TRUE(selected) << "clicking the greater trochanter at " << clickAt.x << "," << clickAt.y
                          << " did not select femur_r: " << describe(readReport(report_));

    // Drag sideways low in the 3D view: the camera turns about the target.
    const float yawBefore = selected->pose.yaw;
    const glm::ivec2 from(vp.x + vp.z / 2, vp.y + vp.w * 85 / 100);
    ASSERT_TRUE(moveTo(from)) << describe(readReport(report_));
    ASSERT_TRUE(press()) << describe(readReport(report_));
    ASSERT_TRUE(moveTo(from + glm::ivec2(60, 0))) << describe(readReport(report_));
    ASSERT_TRUE(moveTo(from + glm::ivec2(160, 0))) << describe(readReport(report_));
    ASSERT_TRUE(release()) << describe(readReport(report_));
    auto turned = waitFor(report_, [&](const Report& r) { return std::fabs(r.pose.yaw - yawBefore) > 0.2f; });
    ASSERT_TRUE(turned) << "dragging did not turn the camera: " << describe(readReport(report_));

    // The view key 2 moves the camera to the posterior view (yaw pi) with a smooth move.
    ASSERT_TRUE(key("2")) << describe(readReport(report_));
    auto posterior = waitFor(report_, [](const Report& r) {
        return !r.moving && std::fabs(std::fabs(r.pose.yaw) - 3.14159f) < 0.01f;
    });
    ASSERT_TRUE(posterior) << "key 2 did not move to the posterior view: " << describe(readReport(report_));

    // Dragging the right sidebar's inner edge to the right narrows it: the 3D view widens.
    const auto right = [](const glm::ivec4& v) { return v.x + v.z; };
    const glm::ivec4 wide = posterior->viewport;
    const glm::ivec2 edge(right(wide) + 2, wide.y + wide.w / 2);
    ASSERT_TRUE(moveTo(edge)) << describe(readReport(report_));
    ASSERT_TRUE(press()) << describe(readReport(report_));
    ASSERT_TRUE(moveTo(edge + glm::ivec2(60, 0))) << describe(readReport(report_));
    ASSERT_TRUE(moveTo(edge + glm::ivec2(120, 0))) << describe(readReport(report_));
    ASSERT_TRUE(release()) << describe(readReport(report_));
    auto resized = waitFor(report_, [&](const Report& r) { return right(r.viewport) > right(wide) + 40; });
    ASSERT_TRUE(resized) << "dragging the sidebar's edge did not resize it: " << describe(readReport(report_));
    EXPECT_NEAR(resized->pose.yaw, posterior->pose.yaw, 1e-4f) << "a drag on the edge must not turn the view";

    // ] collapses the right sidebar and [ the left one: the 3D view takes their room (the
    // other sidebar may widen back to the width asked for, which both open could not give).
    const glm::ivec4 docked = resized->viewport;
    ASSERT_TRUE(key("bracketright")) << describe(readReport(report_));
    auto rightClosed = waitFor(report_, [&](const Report& r) { return right(r.viewport) > right(docked) + 100; });
    ASSERT_TRUE(rightClosed) << "] did not collapse the right sidebar: " << describe(readReport(report_));
    ASSERT_TRUE(key("bracketleft")) << describe(readReport(report_));
    auto bothClosed = waitFor(report_, [&](const Report& r) {
        return r.viewport.x + 100 < rightClosed->viewport.x && right(r.viewport) == right(rightClosed->viewport);
    });
    ASSERT_TRUE(bothClosed) << "[ did not collapse the left sidebar: " << describe(readReport(report_));

    // Ctrl+Q quits cleanly.
    ASSERT_EQ(xdotool("key ctrl+q"), 0);
    int status = -1;
    pid_t done = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(kLimitSeconds);
    while ((done = waitpid(pid_, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_EQ(done, pid_) << "medius did not quit on Ctrl+Q: " << describe(readReport(report_));
    ASSERT_TRUE(WIFEXITED(status)) << "medius did not exit normally";
    EXPECT_EQ(WEXITSTATUS(status), 0);
    pid_ = -1;
    // The collapsed sidebars are remembered for the next start.
    std::ifstream settings(config_ + "/medius/settings.toml");
    const std::string saved((std::istreambuf_iterator<char>(settings)), std::istreambuf_iterator<char>());
    EXPECT_NE(saved.find("left-sidebar = false"), std::string::npos) << saved;
    EXPECT_NE(saved.find("right-sidebar = false"), std::string::npos) << saved;
}

// The input log path (F3D's interaction test play/record): a log drives the real window one
// event per frame; what the window records while replaying replays to the same camera.
TEST(MediusInputLog, ReplayDrivesTheWindowAndARecordingReplaysTheSame) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display: run under xvfb-run";
    const fs::path dir = fs::temp_directory_path() / ("medius_replay_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string log = (dir / "drive.log").string(), recorded = (dir / "recorded.log").string();
    std::ofstream(log) << "# key 2 (posterior), let the move finish, then drag sideways\n"
                          "wait 3\nkey 2\nwait 60\nmove 400 500\npress left\nmove 440 500\n"
                          "move 480 500\nrelease left\nwait 2\n";
    auto run = [&](const std::string& input, const std::string& report, const std::string& extra) {
        const std::string command =
            "env XDG_CONFIG_HOME='" + (dir / "config").string() + "' XDG_DATA_HOME='" + (dir / "data").string() +
            "' XDG_CACHE_HOME='" + (fs::temp_directory_path() / "medius_e2e_cache").string() + "' '" +
            MEDIUS_BINARY + "' --size 800x600 --vsync false --view lateral --play-input '" + input +
            "' --report '" + report + "' " + extra + " > '" + report + ".out' 2>&1";
        return std::system(command.c_str());
    };
    ASSERT_EQ(run(log, (dir / "first").string(), "--record-input '" + recorded + "'"), 0);
    const auto first = readReport((dir / "first").string());
    ASSERT_TRUE(first);
    // Posterior is yaw pi; the 80 px drag turned it further.
    EXPECT_GT(std::fabs(std::fabs(first->pose.yaw) - 3.14159f), 0.2f) << first->pose.yaw;
    std::ifstream out((dir / "first.out").string());
    const std::string printed((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
    EXPECT_NE(printed.find("replayed 9 events in 71 frames"), std::string::npos) << printed;

    std::ifstream in(recorded);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("key 2"), std::string::npos) << text;
    EXPECT_NE(text.find("press left"), std::string::npos) << text;
    ASSERT_EQ(run(recorded, (dir / "second").string(), ""), 0);
    const auto second = readReport((dir / "second").string());
    ASSERT_TRUE(second);
    EXPECT_NEAR(second->pose.yaw, first->pose.yaw, 1e-3f);
    EXPECT_NEAR(second->pose.pitch, first->pose.pitch, 1e-3f);

    // A bad log is refused before any window opens, naming its line.
    std::ofstream(dir / "bad.log") << "move 1 2\njump 3\n";
    EXPECT_EQ(run((dir / "bad.log").string(), (dir / "bad").string(), "") >> 8, 2);
    std::ifstream badOut((dir / "bad.out").string());
    const std::string badText((std::istreambuf_iterator<char>(badOut)), std::istreambuf_iterator<char>());
    EXPECT_NE(badText.find("bad.log:2: error: unknown event 'jump'"), std::string::npos) << badText;
    fs::remove_all(dir);
}

// Bad input for the window: no usable font and a configuration "folder" that is a file.
// Medius opens, draws, says what it could not do, and leaves the file alone.
TEST(BadInputWindow, MissingFontAndUnwritableConfigFallBackGracefully) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display: run under xvfb-run";
    const fs::path dir = fs::temp_directory_path() / ("medius_badwin_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string blocker = (dir / "config_is_a_file").string();
    std::ofstream(blocker) << "keep me";
    const std::string out = (dir / "out.txt").string();
    const std::string command = "env MEDIUS_UI_FONT=/nonexistent/font.ttf XDG_CONFIG_HOME='" + blocker +
                                "' XDG_DATA_HOME='" + (dir / "data").string() + "' XDG_CACHE_HOME='" +
                                (fs::temp_directory_path() / "medius_e2e_cache").string() + "' '" + MEDIUS_BINARY +
                                "' --size 640x400 --exit-after-frames 3 > '" + out + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0);
    std::ifstream in(out);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("/nonexistent/font.ttf: warning: no TTF font found"), std::string::npos) << text;
    EXPECT_NE(text.find("settings not saved"), std::string::npos) << text;
    std::ifstream kept(blocker);
    std::string line;
    std::getline(kept, line);
    EXPECT_EQ(line, "keep me");
    fs::remove_all(dir);
}
