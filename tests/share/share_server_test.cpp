// The share server (issue 14) as a student's browser, or an attacker on the hall's network,
// would meet it: started in-process on a free port, sent raw bytes over a socket.
#include "share/share_server.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "raw_http.hpp"

using namespace medius;
using namespace medius::test;

namespace {

std::string get(const std::string& target, const std::string& extra = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + extra + "\r\n";
}

ShareState sampleState() {
    ShareState s;
    s.conditionId = "gluteal_tendinopathy";
    s.conditionName = "Gluteal tendinopathy";
    s.structures.push_back(
        {"femur_r", "Right femur", "", true, 1.0f, glm::vec3(0.8f), false, glm::vec3(1.0f)});
    return s;
}

class ShareServerTest : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_TRUE(startWith(300)) << error_; }
    bool startWith(int maxClients) {
        share::ShareConfig config;
        config.host = "127.0.0.1";
        config.port = 0;
        config.code = "ROOM42";
        config.maxClients = maxClients;
        config.webDir = MEDIUS_SOURCE_DIR "/web";
        server_ = std::make_unique<share::ShareServer>(config);
        if (!server_->start(error_)) return false;
        port_ = server_->port();
        return port_ > 0;
    }
    std::unique_ptr<share::ShareServer> server_;
    std::string error_;
    int port_ = 0;
};

}  // namespace

TEST_F(ShareServerTest, ServesThePageAndThreeFromTheDebianPackage) {
    const std::string page = request(port_, get("/"));
    EXPECT_EQ(statusOf(page), 200) << page.substr(0, 200);
    EXPECT_NE(page.find("follow.js"), std::string::npos);
    EXPECT_EQ(statusOf(request(port_, get("/follow.js"))), 200);
    const std::string three = request(port_, get("/three/three.min.js"));
    EXPECT_EQ(statusOf(three), 200);
    EXPECT_NE(three.find("REVISION"), std::string::npos);
    EXPECT_EQ(statusOf(request(port_, get("/three/GLTFLoader.js"))), 200);
    EXPECT_EQ(statusOf(request(port_, get("/three/OrbitControls.js"))), 200);
}

TEST_F(ShareServerTest, NoFileOutsideTheWhitelist) {
    for (const char* target :
         {"/../CMakeLists.txt", "/..%2fCMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd",
          "/three/../../../../etc/passwd", "/web/index.html", "/index.html/..", "//etc/passwd",
          "/three/three.js", "/three/", "/follow.js%00.txt",
          "/three/examples/js/loaders/GLTFLoader.js", "/CMakeLists.txt", "/.git/config"}) {
        const std::string response = request(port_, get(target));
        const int status = statusOf(response);
        EXPECT_GE(status, 400) << target;
        EXPECT_LT(status, 500) << target;
        EXPECT_EQ(response.find("root:"), std::string::npos) << target;
        EXPECT_EQ(response.find("cmake_minimum_required"), std::string::npos) << target;
    }
}

TEST_F(ShareServerTest, LectureDataNeedsTheRoomCode) {
    server_->publish(sampleState());
    server_->publishScene(std::make_shared<const std::string>("glTF-bytes"), 1);
    for (const char* target :
         {"/scene.glb", "/scene.glb?code=WRONG", "/events", "/events?code=room42", "/state"})
        EXPECT_EQ(statusOf(request(port_, get(target))), 403) << target;
    EXPECT_EQ(statusOf(request(port_, get("/scene.glb?code=ROOM42"))), 200);
}

TEST_F(ShareServerTest, SceneIsCachedByEtagAndGzippedWhenAccepted) {
    EXPECT_EQ(statusOf(request(port_, get("/scene.glb?code=ROOM42"))), 503);  // not published yet
    const std::string glb(200000, 'g');
    server_->publishScene(std::make_shared<const std::string>(glb), 7);
    const std::string plain = request(port_, get("/scene.glb?code=ROOM42"));
    ASSERT_EQ(statusOf(plain), 200);
    EXPECT_NE(plain.find(glb), std::string::npos);
    const auto at = plain.find("ETag: ");
    ASSERT_NE(at, std::string::npos);
    const std::string etag = plain.substr(at + 6, plain.find("\r\n", at) - at - 6);
    EXPECT_EQ(
        statusOf(request(port_, get("/scene.glb?code=ROOM42", "If-None-Match: " + etag + "\r\n"))),
        304);
    const std::string zipped =
        request(port_, get("/scene.glb?code=ROOM42", "Accept-Encoding: gzip, br\r\n"));
    ASSERT_EQ(statusOf(zipped), 200);
    EXPECT_NE(zipped.find("Content-Encoding: gzip"), std::string::npos);
    EXPECT_LT(zipped.size(), 10000u);  // 200 kB of one letter
    // A new posture is a new scene: the old tag no longer matches.
    server_->publishScene(std::make_shared<const std::string>(glb + "x"), 8);
    EXPECT_EQ(
        statusOf(request(port_, get("/scene.glb?code=ROOM42", "If-None-Match: " + etag + "\r\n"))),
        200);
}

TEST_F(ShareServerTest, ReadOnlyNoMethodButGet) {
    for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
        const std::string r =
            request(port_, std::string(method) +
                               " /state?code=ROOM42 HTTP/1.1\r\nHost: x\r\nConnection: "
                               "close\r\nContent-Length: 2\r\n\r\n{}");
        EXPECT_GE(statusOf(r), 400) << method;
        EXPECT_LT(statusOf(r), 500) << method;
    }
}

TEST_F(ShareServerTest, MalformedAndHugeRequestsGetAnHttpError) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"garbage", "GARBAGE\r\n\r\n"},
        {"no version", "GET /\r\n\r\n"},
        {"bad version", "GET / HTTP/9.9\r\n\r\n"},
        {"binary", std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15)},
        {"huge uri", "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"},
        {"huge header",
         "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100000, 'b') + "\r\n\r\n"},
        {"many headers",
         [] {
             std::string r = "GET / HTTP/1.1\r\nHost: x\r\n";
             for (int i = 0; i < 2000; ++i) r += "X-H" + std::to_string(i) + ": v\r\n";
             return r + "\r\n";
         }()},
        {"huge body",
         "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n" + std::string(4096, 'c')},
    };
    for (const auto& [name, bytes] : cases) {
        const std::string r = request(port_, bytes);
        const int status = statusOf(r);
        EXPECT_GE(status, 400) << name << ": " << r.substr(0, 80);
        EXPECT_LT(status, 500) << name;
    }
    // And the server still serves.
    EXPECT_EQ(statusOf(request(port_, get("/"))), 200);
}

TEST_F(ShareServerTest, ThousandsOfConnectionsNeitherCrashNorStallPublishing) {
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    const int want = static_cast<int>(std::min<rlim_t>(1000, limit.rlim_cur / 3));
    std::vector<int> idle;
    for (int i = 0; i < want; ++i)
        if (const int fd = connectLocal(port_, 30.0); fd >= 0) idle.push_back(fd);
    EXPECT_GE(static_cast<int>(idle.size()), want * 9 / 10);
    // The frame loop's side never waits on the network.
    ShareState s = sampleState();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 100; ++i) {
        s.camera.yaw = 0.01f * i;
        server_->publish(s);
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(ms, 200.0);
    for (const int fd : idle) ::close(fd);
    // Once they are gone (or timed out), a student gets the page.
    const std::string page = request(port_, get("/"), 60.0);
    EXPECT_EQ(statusOf(page), 200);
}

TEST_F(ShareServerTest, StreamSendsTheWholeStateThenOnlyWhatChanged) {
    server_->publish(sampleState());
    const int fd = connectLocal(port_);
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(sendAll(fd, "GET /events?code=ROOM42 HTTP/1.1\r\nHost: x\r\n\r\n"));
    const std::string first = readUntil(fd, "\n\n");
    EXPECT_EQ(statusOf(first), 200) << first;
    EXPECT_NE(first.find("text/event-stream"), std::string::npos);
    EXPECT_NE(first.find("\"full\":1"), std::string::npos);
    EXPECT_NE(first.find("gluteal_tendinopathy"), std::string::npos);
    ShareState moved = sampleState();
    moved.camera.yaw = 1.25f;
    server_->publish(moved);
    const std::string delta = readUntil(fd, "\"camera\"");
    ::close(fd);
    EXPECT_NE(delta.find("\"yaw\":1.25"), std::string::npos) << delta;
    EXPECT_EQ(delta.find("\"structures\""), std::string::npos)
        << delta;  // unchanged: not sent again
    EXPECT_EQ(delta.find("\"full\":1"), std::string::npos) << delta;
}

TEST_F(ShareServerTest, AFullRoomTurnsStudentsAwayAndCountsThem) {
    server_->stop();
    ASSERT_TRUE(startWith(3)) << error_;
    server_->publish(sampleState());
    std::vector<int> streams;
    for (int i = 0; i < 3; ++i) {
        const int fd = connectLocal(port_);
        ASSERT_GE(fd, 0);
        ASSERT_TRUE(sendAll(fd, "GET /events?code=ROOM42 HTTP/1.1\r\nHost: x\r\n\r\n"));
        ASSERT_EQ(statusOf(readUntil(fd, "\n\n")), 200);
        streams.push_back(fd);
    }
    EXPECT_EQ(server_->stats().clients, 3);
    const std::string turned = request(port_, get("/events?code=ROOM42"));
    EXPECT_EQ(statusOf(turned), 503);
    EXPECT_NE(turned.find("room is full"), std::string::npos);
    EXPECT_EQ(server_->stats().refused, 1);
    for (const int fd : streams) ::close(fd);
    // A stream whose student left is noticed within a few seconds (the keep-alive comment).
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (server_->stats().clients > 0 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(server_->stats().clients, 0);
}

TEST(ShareAddress, UrlCarriesPortAndCodeAndQrEncodesIt) {
    const std::string url = share::shareUrl(8765, "ABC234");
    EXPECT_EQ(url.rfind("http://", 0), 0u);
    EXPECT_NE(url.find(":8765/?code=ABC234"), std::string::npos);
    int size = 0;
    const auto modules = share::qrModules(url, size);
    EXPECT_GE(size, 21);
    EXPECT_EQ(modules.size(), static_cast<std::size_t>(size * size));
    EXPECT_TRUE(modules[0]);  // a finder pattern's corner is dark
    const std::string code = share::generateRoomCode();
    EXPECT_EQ(code.size(), 6u);
    EXPECT_EQ(code.find_first_of("01OIL"), std::string::npos);
}

// The modules the app draws (with the same 4-module quiet zone, ui/info_windows.cpp) must read
// back as the address with a real decoder, as a student's phone camera would read them: Debian's
// zbarimg (zbar-tools, installed by scripts/setup.sh) on an 8-pixel-a-module picture.
TEST(ShareAddress, QrCodeReadsBackAsTheAddress) {
    if (std::system("command -v zbarimg > /dev/null 2>&1") != 0)
        GTEST_SKIP() << "zbarimg (Debian's zbar-tools, installed by scripts/setup.sh) is not "
                        "installed: the QR code is not decoded";
    const std::string url = share::shareUrl(8765, "ABC234");
    int size = 0;
    const auto modules = share::qrModules(url, size);
    ASSERT_GE(size, 21);
    const int quiet = 4, scale = 8, side = (size + 2 * quiet) * scale;
    const std::string stem = "/tmp/medius_qr_" + std::to_string(::getpid());
    {
        std::ofstream pgm(stem + ".pgm", std::ios::binary);
        pgm << "P5\n" << side << " " << side << "\n255\n";
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                const int mx = x / scale - quiet, my = y / scale - quiet;
                const bool dark = mx >= 0 && my >= 0 && mx < size && my < size &&
                                  modules[static_cast<std::size_t>(my) * size + mx];
                pgm.put(static_cast<char>(dark ? 0 : 255));
            }
    }
    // Its stderr apart: zbar also complains there when the machine has no D-Bus.
    const std::string command =
        "zbarimg --quiet --raw '" + stem + ".pgm' > '" + stem + ".txt' 2> /dev/null";
    const int status = std::system(command.c_str());
    std::ifstream text(stem + ".txt");
    std::stringstream read;
    read << text.rdbuf();
    std::remove((stem + ".pgm").c_str());
    std::remove((stem + ".txt").c_str());
    ASSERT_EQ(status, 0) << "zbarimg found no code: " << read.str();
    std::string decoded = read.str();
    while (!decoded.empty() && (decoded.back() == '\n' || decoded.back() == '\r'))
        decoded.pop_back();
    EXPECT_EQ(decoded, url);
}
