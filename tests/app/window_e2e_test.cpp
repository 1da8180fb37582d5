// End to end: the real medius window under Xvfb, driven through the X server with xdotool,
// exactly as a user's mouse and keyboard would. Run by CTest as
// `xvfb-run window_e2e_tests` (see CMakeLists.txt).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "anatomy_probes.hpp"
#include "app/scene_setup.hpp"
#include "core/orbit_camera.hpp"

using namespace medius;
namespace fs = std::filesystem;

namespace {

struct Report {
    std::map<std::string, std::string> fields;
    CameraPose pose;
    float fovY = 0.6f;
    int width = 0, height = 0;
    bool moving = true;
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
        else {
            std::string rest;
            std::getline(words >> std::ws, rest);
            r.fields[key] = rest;
        }
    }
    r.moving = r.fields["moving"] == "1";
    if (r.width == 0) return std::nullopt;
    return r;
}

// Polls the report until `done` holds or `seconds` pass.
template <class Pred>
std::optional<Report> waitFor(const std::string& path, Pred done, double seconds) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        if (auto r = readReport(path); r && done(*r)) return r;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::nullopt;
}

int xdotool(const std::string& args) { return std::system(("xdotool " + args + " >/dev/null 2>&1").c_str()); }

class MediusWindow : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display: run under xvfb-run";
        if (std::system("command -v xdotool >/dev/null 2>&1") != 0) GTEST_SKIP() << "needs xdotool";
        report_ = (fs::temp_directory_path() / ("medius_e2e_" + std::to_string(::getpid()) + ".report")).string();
        fs::remove(report_);
        const std::string data = (fs::temp_directory_path() / "medius_e2e_data").string();
        const std::string config = (fs::temp_directory_path() / ("medius_e2e_config_" + std::to_string(::getpid()))).string();
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
    glm::vec2 toWindow(const Report& r, const glm::vec3& p) const {
        OrbitCamera cam;
        cam.fovY = r.fovY;
        cam.setPose(r.pose);
        const float aspect = static_cast<float>(r.width) / r.height;
        const glm::vec4 clip = cam.projectionMatrix(aspect) * cam.viewMatrix() * glm::vec4(p, 1.0f);
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        return {(ndc.x * 0.5f + 0.5f) * r.width, (1.0f - (ndc.y * 0.5f + 0.5f)) * r.height};
    }
    std::string report_;
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

    auto ready = waitFor(report_, [](const Report& r) { return !r.moving; }, 90.0);
    ASSERT_TRUE(ready) << "the window never reported a settled camera";
    ASSERT_EQ(xdotool("search --sync --name Medius"), 0);

    // Click on the trochanter: the femur is selected.
    const glm::vec2 at = toWindow(*ready, trochanter);
    ASSERT_GT(at.x, 0.0f);
    ASSERT_LT(at.x, ready->width);
    char cmd[256];
    std::snprintf(cmd, sizeof cmd, "search --name Medius mousemove --window %%1 %d %d sleep 0.3 click 1",
                  static_cast<int>(at.x), static_cast<int>(at.y));
    ASSERT_EQ(xdotool(cmd), 0);
    auto selected = waitFor(report_, [](const Report& r) { return r.fields.at("selected") == "femur_r"; }, 20.0);
    ASSERT_TRUE(selected) << "clicking the greater trochanter at " << at.x << "," << at.y
                          << " did not select femur_r; selected: " << readReport(report_)->fields["selected"];

    // Drag sideways low in the window: the camera turns about the target.
    const float yawBefore = selected->pose.yaw;
    const int x0 = ready->width / 2, y0 = ready->height * 85 / 100;
    std::snprintf(cmd, sizeof cmd,
                  "search --name Medius mousemove --window %%1 %d %d sleep 0.2 mousedown 1 sleep 0.2 "
                  "mousemove --window %%1 %d %d sleep 0.2 mousemove --window %%1 %d %d sleep 0.3 mouseup 1",
                  x0, y0, x0 + 60, y0, x0 + 160, y0);
    ASSERT_EQ(xdotool(cmd), 0);
    auto turned = waitFor(report_, [&](const Report& r) { return std::fabs(r.pose.yaw - yawBefore) > 0.2f; }, 20.0);
    ASSERT_TRUE(turned) << "dragging did not turn the camera";

    // The view key 2 moves the camera to the posterior view (yaw pi) with a smooth move.
    ASSERT_EQ(xdotool("key 2"), 0);
    auto posterior = waitFor(report_, [](const Report& r) {
        return !r.moving && std::fabs(std::fabs(r.pose.yaw) - 3.14159f) < 0.01f;
    }, 20.0);
    ASSERT_TRUE(posterior) << "key 2 did not move to the posterior view; panel_has_keys "
                           << readReport(report_)->fields["panel_has_keys"] << ", yaw "
                           << readReport(report_)->pose.yaw;
    EXPECT_LT(posterior->pose.target.x + 1e-3f, 1e9f);

    // Ctrl+Q quits cleanly.
    ASSERT_EQ(xdotool("key ctrl+q"), 0);
    int status = -1;
    for (int i = 0; i < 100 && waitpid(pid_, &status, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_TRUE(WIFEXITED(status)) << "medius did not quit on Ctrl+Q";
    EXPECT_EQ(WEXITSTATUS(status), 0);
    pid_ = -1;
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
