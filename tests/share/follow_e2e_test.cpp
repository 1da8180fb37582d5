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
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "core/condition_view.hpp"
#include "core/content_loader.hpp"
#include "core/image.hpp"
#include "core/orbit_camera.hpp"
#include "devtools_pipe.hpp"
#include "raw_http.hpp"

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
    float from, to;            // degrees; a window from below 0 wraps through red
    float saturation = 0.12f;  // the least (max - min) / max
};
constexpr HueWindow kWeakPink{295.0f, 340.0f}, kCompensatingGreen{135.0f, 175.0f};
// The local pain colour (condition_view's localPainColour, a deep red) painted on the skin,
// seen over the skin's beige: a red hue, well saturated. The pain source's vermillion (26
// degrees), the skin (about 20, pale) and the pink role (under 340) fall outside it.
constexpr HueWindow kLocalPainRed{-15.0f, 12.0f, 0.3f};
bool inHue(const std::uint8_t* p, HueWindow w) {
    const float r = p[0] / 255.0f, g = p[1] / 255.0f, b = p[2] / 255.0f;
    const float mx = std::max({r, g, b}), mn = std::min({r, g, b}), d = mx - mn;
    if (mx < 0.2f || d < w.saturation * mx || d < 0.05f) return false;
    float hue = mx == r   ? 60.0f * std::fmod((g - b) / d + 6.0f, 6.0f)
                : mx == g ? 60.0f * ((b - r) / d + 2.0f)
                          : 60.0f * ((r - g) / d + 4.0f);
    if (w.from < 0.0f && hue > 180.0f) hue -= 360.0f;
    return hue >= w.from && hue <= w.to;
}

struct Blob {
    long count = 0;
    glm::vec2 centre{0.0f};           // 0..1 across the region
    glm::vec2 low{0.0f}, high{0.0f};  // the 5th and 95th percentiles of x and y: its extent
};
// The pixels of that hue within [x0, x0 + w) x [0, h) of `image`.
Blob hueIn(const Image& image, HueWindow hue, int x0, int w, int h) {
    Blob blob;
    glm::dvec2 sum(0.0);
    std::vector<float> xs, ys;
    for (int y = 0; y < h; ++y)
        for (int x = x0; x < x0 + w; ++x)
            if (inHue(&image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4], hue)) {
                ++blob.count;
                const glm::dvec2 at((x - x0 + 0.5) / w, (y + 0.5) / h);
                sum += at;
                xs.push_back(static_cast<float>(at.x));
                ys.push_back(static_cast<float>(at.y));
            }
    if (blob.count == 0) return blob;
    blob.centre = glm::vec2(sum / static_cast<double>(blob.count));
    std::sort(xs.begin(), xs.end());
    std::sort(ys.begin(), ys.end());
    const std::size_t lo = xs.size() / 20, hi = xs.size() - 1 - xs.size() / 20;
    blob.low = {xs[lo], ys[lo]};
    blob.high = {xs[hi], ys[hi]};
    return blob;
}

// The pixel of that hue nearest `centre` (0..1 of a w x h region at the image's corner): a
// place to tap that surely shows the structure, even when its blob is a ring.
glm::ivec2 pixelOfHueNear(const Image& image, HueWindow hue, int w, int h, glm::vec2 centre) {
    glm::ivec2 best(-1);
    float bestDistance = 1e9f;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (inHue(&image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4], hue)) {
                const float d =
                    glm::length(glm::vec2(x + 0.5f, y + 0.5f) - centre * glm::vec2(w, h));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = {x, y};
                }
            }
    return best;
}

// Waits until `done` holds for the page's text of element `id` and its state (both read in
// one evaluation); returns the last "text\nstate" read. Never a fixed sleep: the limit, fresh
// for each step, is only when to give up (software WebGL on two busy cores is slow).
template <class Done>
std::string waitForPage(DevToolsPipe& chrome, const std::string& id, Done done) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    std::string read;
    while (std::chrono::steady_clock::now() < until) {
        read = chrome
                   .evaluate("document.getElementById('" + id +
                             "').textContent + '\\n' + "
                             "document.getElementById('state').textContent")
                   .value_or("");
        const auto cut = read.find('\n');
        if (cut != std::string::npos && done(read.substr(0, cut), read.substr(cut + 1)))
            return read;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return read;
}
std::string textOf(const std::string& read) {
    return read.substr(0, read.find('\n'));
}
std::string stateOf(const std::string& read) {
    const auto cut = read.find('\n');
    return cut == std::string::npos ? "" : read.substr(cut + 1);
}

glm::vec3 eyeOf(const std::string& state) {
    glm::vec3 eye(1e9f);
    const auto at = state.find("\"eye\":[");
    if (at != std::string::npos)
        std::sscanf(state.c_str() + at + 7, "%f,%f,%f", &eye.x, &eye.y, &eye.z);
    return eye;
}

// The centre of a page element, in CSS pixels.
std::optional<glm::vec2> centreOfElement(DevToolsPipe& chrome, const std::string& id) {
    const auto text = chrome.evaluate("(() => { const r = document.getElementById('" + id +
                                      "').getBoundingClientRect(); return (r.left + r.width / 2) "
                                      "+ ' ' + (r.top + r.height / 2); })()");
    glm::vec2 c;
    if (!text || std::sscanf(text->c_str(), "%f %f", &c.x, &c.y) != 2) return std::nullopt;
    return c;
}

// What the app names a structure: the English name its glTF (the --export code) gives the node.
std::string gltfName(int port, const std::string& code, const std::string& id) {
    const std::string glb = request(
        port,
        "GET /scene.glb?code=" + code + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
        60.0);
    const auto node = glb.find("{\"name\":\"" + id + "\",\"mesh\":");
    if (node == std::string::npos) return "";
    const auto extras = glb.find("\"extras\":{", node);
    return extras == std::string::npos ? ""
                                       : jsonField(glb.substr(extras, 400), "name").value_or("");
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

    // How long each step took, to tell a slow machine from a stuck step when one fails.
    const auto started = std::chrono::steady_clock::now();
    const auto step = [&](const char* what) {
        std::printf(
            "%6.1f s: %s\n",
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
            what);
        std::fflush(stdout);
    };

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

    step("the replay ended, F12 saved");

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

    step("the page follows");

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

    step("the page screenshot");

    // 4. Pain on the skin: the page paints the condition's local pain (the app's colour, on the
    // skin mesh) where the app's picture shows it. Tolerance: the red's centre within 4% of the
    // view, its extent (5th..95th percentile) within 5% on every side, its area within a factor
    // of 2 (the page blends the translucent skin in one pass where the app averages its layers).
    {
        const Blob inApp = hueIn(appPicture, kLocalPainRed, 0, appPicture.width, appPicture.height);
        const Blob inPage = hueIn(pagePicture, kLocalPainRed, 0, viewW, viewH);
        const double appShare =
            static_cast<double>(inApp.count) / (appPicture.width * appPicture.height);
        const double pageShare = static_cast<double>(inPage.count) / (viewW * viewH);
        std::printf(
            "local pain red: app %.4f at %.3f,%.3f (%.3f..%.3f, %.3f..%.3f); page %.4f at "
            "%.3f,%.3f (%.3f..%.3f, %.3f..%.3f)\n",
            appShare, inApp.centre.x, inApp.centre.y, inApp.low.x, inApp.high.x, inApp.low.y,
            inApp.high.y, pageShare, inPage.centre.x, inPage.centre.y, inPage.low.x, inPage.high.x,
            inPage.low.y, inPage.high.y);
        EXPECT_GT(appShare, 0.001) << "the app's picture shows no local pain";
        ASSERT_GT(pageShare, 0.001) << "the page paints no local pain on the skin";
        EXPECT_LT(glm::length(inApp.centre - inPage.centre), 0.04f);
        EXPECT_GT(pageShare / appShare, 0.5);
        EXPECT_LT(pageShare / appShare, 2.0);
        for (int axis = 0; axis < 2; ++axis) {
            EXPECT_NEAR(inPage.low[axis], inApp.low[axis], 0.05f) << "axis " << axis;
            EXPECT_NEAR(inPage.high[axis], inApp.high[axis], 0.05f) << "axis " << axis;
        }
    }

    // The condition as content/ words it, for the names a student should see.
    DiagnosticSink sink;
    const ContentLibrary content =
        loadContent(std::string(MEDIUS_SOURCE_DIR) + "/content", KnownNames{}, sink);
    const Condition* condition = content.findCondition(r["condition"]);
    ASSERT_NE(condition, nullptr);
    std::set<std::string> compensating;
    std::map<std::string, std::string> patientNames;
    for (const auto& involved : condition->structures) {
        if (involved.role == Role::Compensating) compensating.insert(involved.id);
        patientNames[involved.id] = involved.patientName;
    }
    ASSERT_FALSE(compensating.empty());

    // 5. Tap to name: a tap where the page draws the compensating role's green (the tensor
    // fasciae latae) names that structure as the app does.
    const Blob green = hueIn(pagePicture, kCompensatingGreen, 0, viewW, viewH);
    const glm::ivec2 tap =
        pixelOfHueNear(pagePicture, kCompensatingGreen, viewW, viewH, green.centre);
    ASSERT_GE(tap.x, 0) << "no green to tap";
    const std::string untapped =
        chrome.evaluate("document.getElementById('picked').textContent").value_or("");
    ASSERT_TRUE(chrome.click(tap.x + 0.5, tap.y + 0.5));
    std::string read =
        waitForPage(chrome, "picked", [&](const std::string& text, const std::string& st) {
            return text != untapped &&
                   (jsonField(st, "picked").value_or("") != "" || text.rfind("Nothing", 0) == 0);
        });
    const std::string picked = jsonField(stateOf(read), "picked").value_or("");
    EXPECT_TRUE(compensating.count(picked))
        << "a tap at " << tap.x << "," << tap.y << " picked '" << picked << "': " << textOf(read);
    const std::string englishName = gltfName(port, "E2E42", picked);
    EXPECT_FALSE(englishName.empty()) << "no name for '" << picked << "' in the glTF";
    EXPECT_EQ(textOf(read), englishName);
    EXPECT_NE(stateOf(read).find("\"following\":true"), std::string::npos)
        << "a tap let go of the lecturer: " << stateOf(read);

    step("tap to name");

    // 6. Free orbit: a drag turns the page's camera away from the lecturer's and unticks
    // "Follow the lecturer"; ticking it brings the camera back to the app's.
    ASSERT_TRUE(chrome.drag(viewW * 0.5, viewH * 0.6, viewW * 0.5 + 160, viewH * 0.6 + 30, 12));
    read = waitForPage(chrome, "follow", [&](const std::string&, const std::string& st) {
        return st.find("\"following\":false") != std::string::npos &&
               glm::length(eyeOf(st) - eye) > 50.0f;
    });
    const glm::vec3 freeEye = eyeOf(stateOf(read));
    std::printf("free orbit: the page's eye %.0f mm from the app's\n", glm::length(freeEye - eye));
    ASSERT_NE(stateOf(read).find("\"following\":false"), std::string::npos) << stateOf(read);
    EXPECT_GT(glm::length(freeEye - eye), 50.0f) << "the drag did not turn the page's camera";
    EXPECT_EQ(chrome.evaluate("String(document.getElementById('follow').checked)").value_or(""),
              "false");
    const auto followBox = centreOfElement(chrome, "follow");
    ASSERT_TRUE(followBox);
    ASSERT_TRUE(chrome.click(followBox->x, followBox->y));
    read = waitForPage(chrome, "follow", [&](const std::string&, const std::string& st) {
        return st.find("\"following\":true") != std::string::npos &&
               glm::length(eyeOf(st) - eye) < 1.0f;
    });
    EXPECT_NE(stateOf(read).find("\"following\":true"), std::string::npos) << stateOf(read);
    EXPECT_LT(glm::length(eyeOf(stateOf(read)) - eye), 1.0f)
        << "following again, but not from the app's eye";

    step("free orbit and back");

    // 7. Patient wording: the panel switches to the condition's plain summary and role key, and
    // structures are named as content/ names them for patients.
    const auto patientBox = centreOfElement(chrome, "patient");
    ASSERT_TRUE(patientBox);
    ASSERT_TRUE(chrome.click(patientBox->x, patientBox->y));
    read = waitForPage(chrome, "summary", [&](const std::string& text, const std::string& st) {
        return text == condition->summary.patient &&
               st.find("\"patient\":true") != std::string::npos;
    });
    EXPECT_EQ(textOf(read), condition->summary.patient);
    EXPECT_NE(stateOf(read).find("\"patient\":true"), std::string::npos);
    const std::string roles =
        chrome.evaluate("document.getElementById('roles').textContent").value_or("");
    EXPECT_NE(roles.find(rolePlainLabel(Role::Compensating)), std::string::npos) << roles;
    EXPECT_EQ(roles.find(roleLabel(Role::Compensating)), std::string::npos) << roles;
    const std::string plainName = patientNames[picked];
    ASSERT_FALSE(plainName.empty());
    ASSERT_TRUE(chrome.click(tap.x + 0.5, tap.y + 0.5));
    read = waitForPage(chrome, "picked", [&](const std::string& text, const std::string&) {
        return text != englishName;
    });
    EXPECT_EQ(textOf(read), plainName) << "the tap after switching to patient wording";
    const std::string labels =
        chrome.evaluate("document.getElementById('labels').textContent").value_or("");
    EXPECT_NE(labels.find(plainName), std::string::npos) << "labels: " << labels;

    step("patient wording");

    // The app rewrites its report every frame until it exits: stop it before removing the folder.
    reap.now();
    std::error_code ignored;
    if (!::testing::Test::HasFailure())
        fs::remove_all(dir, ignored);  // kept to look at when it fails
}
