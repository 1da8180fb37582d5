// End to end (issue 14): the real Medius window under Xvfb shares the view with the room
// while it replays a lecturer's input (a tour step, a condition picked in the list, an orbit,
// F12 for a picture of the final view); headless Chromium opens the students' page, driven
// through its DevTools pipe. The page must show the app's condition, tour step and camera,
// and the condition's highlight colour where the app's picture shows it. Every wait is on
// the app's report or the page's own state, never a fixed sleep.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "core/image.hpp"
#include "core/orbit_camera.hpp"
#include "devtools_pipe.hpp"

using namespace medius;
using namespace medius::test;
namespace fs = std::filesystem;

namespace {

constexpr double kLimitSeconds = 240.0;  // only when to give up; a loaded machine is slow

std::map<std::string, std::string> readReport(const std::string& path) {
    std::map<std::string, std::string> fields;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto space = line.find(' ');
        fields[line.substr(0, space)] = space == std::string::npos ? "" : line.substr(space + 1);
    }
    return fields;
}

int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

// A number after "key": in the page's JSON state (first match).
std::optional<double> jsonNumber(const std::string& json, const std::string& key) {
    const auto at = json.find("\"" + key + "\":");
    if (at == std::string::npos) return std::nullopt;
    const char* start = json.c_str() + at + key.size() + 3;
    if (*start == '[') ++start;
    char* end = nullptr;
    const double v = std::strtod(start, &end);
    if (end == start) return std::nullopt;
    return v;
}

// A role's highlight colour, lit, shaded or seen through the translucent skin: a hue window
// and a little saturation. Gluteal tendinopathy's "weak" role is pink (#CC79A7, gluteus
// medius and minimus) and its "compensating" role green (#009E73, tensor fasciae latae); no
// tissue, background or pain zone has either hue.
struct HueWindow {
    float from, to;  // degrees
};
constexpr HueWindow kWeakPink{295.0f, 340.0f}, kCompensatingGreen{135.0f, 175.0f};
bool inHue(const std::uint8_t* p, HueWindow w) {
    const float r = p[0] / 255.0f, g = p[1] / 255.0f, b = p[2] / 255.0f;
    const float mx = std::max({r, g, b}), mn = std::min({r, g, b}), d = mx - mn;
    if (mx < 0.2f || d < 0.12f * mx || d < 0.05f) return false;
    float hue = mx == r   ? 60.0f * std::fmod((g - b) / d + 6.0f, 6.0f)
                : mx == g ? 60.0f * ((b - r) / d + 2.0f)
                          : 60.0f * ((r - g) / d + 4.0f);
    return hue >= w.from && hue <= w.to;
}

struct Blob {
    long count = 0;
    glm::vec2 centre{0.0f};  // 0..1 across the region
};
// The pixels of that hue within [x0, x0 + w) x [0, h) of `image`.
Blob hueIn(const Image& image, HueWindow hue, int x0, int w, int h) {
    Blob blob;
    glm::dvec2 sum(0.0);
    for (int y = 0; y < h; ++y)
        for (int x = x0; x < x0 + w; ++x)
            if (inHue(&image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4], hue)) {
                ++blob.count;
                sum += glm::dvec2((x - x0 + 0.5) / w, (y + 0.5) / h);
            }
    if (blob.count > 0) blob.centre = glm::vec2(sum / static_cast<double>(blob.count));
    return blob;
}

}  // namespace

TEST(FollowE2E, StudentsPageFollowsTheLecturersReplayedView) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display: run under xvfb-run";
    if (std::system("command -v chromium >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "needs Debian's chromium";
    const fs::path dir =
        fs::temp_directory_path() / ("medius_follow_e2e_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "home" / "Pictures");
    const std::string report = (dir / "report").string(), log = (dir / "lecture.log").string();
    {
        // Window coordinates of a 1440x900 window at UI scale 1: "Gluteal tendinopathy" in the
        // condition list, then a drag in the 3D view. The report below says whether they landed.
        std::ofstream out(log);
        out << "# Medius input log 1\nwait 10\nkey PageDown\nwait 30\nmove 80 283\npress "
               "left\nwait 2\n"
               "release left\nwait 30\nmove 600 500\npress left\n";
        for (int x = 610; x <= 700; x += 10) out << "move " << x << " 500\n";
        out << "release left\nwait 10\nkey F12\nwait 5\n";
    }
    const int port = freePort();
    const pid_t app = ::fork();
    if (app == 0) {
        setenv("HOME", (dir / "home").c_str(), 1);  // F12 saves into ~/Pictures
        setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
        setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
        const std::string portText = std::to_string(port);
        execl(MEDIUS_BINARY, MEDIUS_BINARY, "--size", "1440x900", "--vsync", "false", "--ui-scale",
              "1", "--tour", "differential_diagnosis_tour", "--share", portText.c_str(),
              "--share-code", "E2E42", "--report", report.c_str(), "--play-input", log.c_str(),
              "--exit-after-frames", "1000000", static_cast<char*>(nullptr));
        _exit(127);
    }
    ASSERT_GT(app, 0);
    struct Reap {
        pid_t pid;
        void now() {
            if (pid <= 0) return;
            ::kill(pid, SIGTERM);
            int status = 0;
            ::waitpid(pid, &status, 0);
            pid = 0;
        }
        ~Reap() { now(); }
    } reap{app};

    // 1. The lecturer's replay ends and F12's picture of the final view is written.
    std::map<std::string, std::string> r;
    Image appPicture;
    const auto until =
        std::chrono::steady_clock::now() + std::chrono::duration<double>(kLimitSeconds);
    bool ready = false;
    while (!ready && std::chrono::steady_clock::now() < until) {
        int status = 0;
        ASSERT_EQ(::waitpid(app, &status, WNOHANG), 0) << "medius exited early";
        r = readReport(report);
        if (r["replaying"] == "0" && r["moving"] == "0" && r.count("share"))
            for (const auto& f : fs::directory_iterator(dir / "home" / "Pictures"))
                if (f.path().extension() == ".png" &&
                    readPng(f.path().string(), appPicture).empty())
                    ready = true;
        if (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(ready) << "the replay did not finish with a picture; report: replaying "
                       << r["replaying"];
    EXPECT_EQ(r["condition"], "gluteal_tendinopathy") << "the click in the condition list missed";
    EXPECT_EQ(r["tour"], "2") << "PageDown did not step the tour";
    CameraPose pose;
    float fovY = 0.0f;
    std::istringstream(r["camera"]) >> pose.target.x >> pose.target.y >> pose.target.z >>
        pose.distance >> pose.yaw >> pose.pitch >> fovY;
    EXPECT_GT(std::abs(pose.yaw - 1.5708f), 0.05f)
        << "the drag did not orbit (still the lateral view)";

    // 2. A student opens the page: its 3D view (left of the 340 px panel) is 16:9 like F12's
    // picture.
    const int viewW = 960, viewH = 540, panelW = 340;
    DevToolsPipe chrome;
    std::string error;
    ASSERT_TRUE(chrome.start(viewW + panelW, viewH, error)) << error;
    ASSERT_TRUE(chrome.open("http://127.0.0.1:" + std::to_string(port) + "/?code=E2E42", error))
        << error;
    std::string page;
    bool matches = false;
    while (!matches && std::chrono::steady_clock::now() < until) {
        page = chrome.evaluate("document.getElementById('state').textContent").value_or("");
        const auto yaw = jsonNumber(page, "yaw");
        matches = page.find("\"condition\":\"" + r["condition"] + "\"") != std::string::npos &&
                  jsonNumber(page, "loaded").value_or(0) > 0 && yaw &&
                  std::abs(*yaw - pose.yaw) < 1e-3 &&
                  jsonNumber(page, "rendered").value_or(0) >= jsonNumber(page, "seq").value_or(1);
        if (!matches) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(matches) << "page state: " << page << "\nconsole: " << chrome.console();
    EXPECT_EQ(jsonNumber(page, "tourStep").value_or(-1), std::stod(r["tour"]));
    EXPECT_NEAR(jsonNumber(page, "distance").value_or(0), pose.distance, 0.01);
    EXPECT_NEAR(jsonNumber(page, "pitch").value_or(9), pose.pitch, 1e-4);
    // The page's camera stands where the app's does.
    OrbitCamera camera;
    camera.setPose(pose);
    const glm::vec3 eye = camera.eye();
    const auto at = page.find("\"eye\":[");
    ASSERT_NE(at, std::string::npos);
    glm::vec3 pageEye;
    ASSERT_EQ(std::sscanf(page.c_str() + at + 7, "%f,%f,%f", &pageEye.x, &pageEye.y, &pageEye.z), 3)
        << page;
    EXPECT_LT(glm::length(pageEye - eye), 1.0f)
        << "page eye " << pageEye.x << "," << pageEye.y << "," << pageEye.z;

    // 3. The highlight colour is where the app shows it.
    // F12's picture has the scene alone: compare with the page's scene alone, its labels hidden.
    chrome.evaluate("document.getElementById('labels').style.display = 'none'; 'hidden'");
    const auto png = chrome.screenshot();
    ASSERT_TRUE(png);
    const std::string shot = (dir / "page.png").string();
    std::ofstream(shot, std::ios::binary) << *png;
    if (const char* keep = std::getenv("MEDIUS_FOLLOW_SCREENSHOT"))
        fs::copy_file(shot, keep, fs::copy_options::overwrite_existing);
    Image pagePicture;
    ASSERT_EQ(readPng(shot, pagePicture), "");
    ASSERT_EQ(pagePicture.width, viewW + panelW);
    for (const auto& [name, hue] :
         {std::pair{"weak pink", kWeakPink}, std::pair{"compensating green", kCompensatingGreen}}) {
        const Blob inApp = hueIn(appPicture, hue, 0, appPicture.width, appPicture.height);
        const Blob inPage = hueIn(pagePicture, hue, 0, viewW, viewH);
        const double appShare =
            static_cast<double>(inApp.count) / (appPicture.width * appPicture.height);
        const double pageShare = static_cast<double>(inPage.count) / (viewW * viewH);
        std::printf("%s: app %.4f of the view at %.3f,%.3f; page %.4f at %.3f,%.3f\n", name,
                    appShare, inApp.centre.x, inApp.centre.y, pageShare, inPage.centre.x,
                    inPage.centre.y);
        EXPECT_GT(appShare, 0.002) << "the app's picture shows no " << name;
        EXPECT_GT(pageShare, 0.002) << "the page shows no " << name;
        EXPECT_LT(glm::length(inApp.centre - inPage.centre), 0.06f)
            << name << ": app at " << inApp.centre.x << "," << inApp.centre.y << " (" << appShare
            << " of the view), page at " << inPage.centre.x << "," << inPage.centre.y << " ("
            << pageShare << ")";
    }
    // The app rewrites its report every frame until it exits: stop it before removing the folder.
    reap.now();
    std::error_code ignored;
    if (!::testing::Test::HasFailure()) fs::remove_all(dir, ignored);  // kept to look at when it fails
}
