#include "devtools_pipe.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace medius::test {

namespace {
void appendUtf8(std::string& out, unsigned code) {
    if (code < 0x80)
        out += static_cast<char>(code);
    else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}
std::string escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}
}  // namespace

std::optional<std::string> jsonField(const std::string& json, const std::string& key) {
    const std::string marker = "\"" + key + "\":\"";
    const auto at = json.find(marker);
    if (at == std::string::npos) return std::nullopt;
    std::string out;
    for (std::size_t i = at + marker.size(); i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') return out;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= json.size()) break;
        switch (json[i]) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'u':
                if (i + 4 < json.size()) {
                    appendUtf8(out, static_cast<unsigned>(
                                        std::strtoul(json.substr(i + 1, 4).c_str(), nullptr, 16)));
                    i += 4;
                }
                break;
            default:
                out += json[i];
        }
    }
    return std::nullopt;
}

std::string base64Decode(const std::string& text) {
    std::string out;
    unsigned value = 0;
    int bits = 0;
    for (const char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+')
            v = 62;
        else if (c == '/')
            v = 63;
        else
            continue;
        value = (value << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((value >> bits) & 0xFF);
        }
    }
    return out;
}

bool DevToolsPipe::start(int width, int height, std::string& error) {
    int in[2], out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0) {
        error = "pipe failed";
        return false;
    }
    width_ = width;
    height_ = height;
    profile_ =
        (std::filesystem::temp_directory_path() / ("medius_chromium_" + std::to_string(::getpid())))
            .string();
    std::filesystem::remove_all(profile_);
    const std::string size =
        "--window-size=" + std::to_string(width) + "," + std::to_string(height);
    const std::string dataDir = "--user-data-dir=" + profile_;
    pid_ = ::fork();
    if (pid_ == 0) {
        // Chromium reads commands on fd 3 and writes replies on fd 4.
        ::dup2(in[0], 3);
        ::dup2(out[1], 4);
        for (int fd : {in[0], in[1], out[0], out[1]})
            if (fd > 4) ::close(fd);
        const int devnull = ::open("/dev/null", O_WRONLY);
        if (devnull >= 0) ::dup2(devnull, 2);
        ::execlp("chromium", "chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                 "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                 "--remote-debugging-pipe", "--no-first-run",
                 "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                 dataDir.c_str(), size.c_str(), "about:blank", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    toChrome_ = in[1];
    fromChrome_ = out[0];
    if (pid_ < 0) {
        error = "fork failed";
        return false;
    }
    if (!call("Browser.getVersion", "{}", true)) {
        error = "chromium did not answer on its DevTools pipe (is Debian's chromium installed?)";
        return false;
    }
    return true;
}

DevToolsPipe::~DevToolsPipe() {
    if (pid_ > 0) {
        call("Browser.close", "{}", true);
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        int status = 0;
        while (::waitpid(pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > until) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, &status, 0);
                break;
            }
            ::usleep(20000);
        }
    }
    if (toChrome_ >= 0) ::close(toChrome_);
    if (fromChrome_ >= 0) ::close(fromChrome_);
    if (!profile_.empty()) std::filesystem::remove_all(profile_);
}

std::optional<std::string> DevToolsPipe::readMessage(double seconds) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (true) {
        if (const auto nul = buffer_.find('\0'); nul != std::string::npos) {
            std::string message = buffer_.substr(0, nul);
            buffer_.erase(0, nul + 1);
            return message;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            until - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        pollfd p{fromChrome_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
        char chunk[65536];
        const ssize_t n = ::read(fromChrome_, chunk, sizeof chunk);
        if (n <= 0) return std::nullopt;
        buffer_.append(chunk, static_cast<std::size_t>(n));
    }
}

std::optional<std::string> DevToolsPipe::call(const std::string& method, const std::string& params,
                                              bool browser) {
    const int id = nextId_++;
    std::string message =
        "{\"id\":" + std::to_string(id) + ",\"method\":\"" + method + "\",\"params\":" + params;
    if (!browser && !session_.empty()) message += ",\"sessionId\":\"" + session_ + "\"";
    message += "}";
    message += '\0';
    if (::write(toChrome_, message.data(), message.size()) != static_cast<ssize_t>(message.size()))
        return std::nullopt;
    const std::string idMarker = "{\"id\":" + std::to_string(id) + ",";
    while (auto reply = readMessage(120.0)) {
        if (reply->rfind(idMarker, 0) == 0) {
            if (reply->find("\"error\":") != std::string::npos &&
                reply->find("\"result\":") == std::string::npos)
                return std::nullopt;
            return reply;
        }
        // Events: keep what the page says, to explain a failure.
        if (reply->find("\"Runtime.consoleAPICalled\"") != std::string::npos ||
            reply->find("\"Runtime.exceptionThrown\"") != std::string::npos)
            console_ += reply->substr(0, 600) + "\n";
    }
    return std::nullopt;
}

bool DevToolsPipe::open(const std::string& url, std::string& error) {
    const auto target = call("Target.createTarget", "{\"url\":\"about:blank\"}", true);
    const auto targetId = target ? jsonField(*target, "targetId") : std::nullopt;
    if (!targetId) {
        error = "cannot open a tab";
        return false;
    }
    const auto attached = call("Target.attachToTarget",
                               "{\"targetId\":\"" + *targetId + "\",\"flatten\":true}", true);
    const auto session = attached ? jsonField(*attached, "sessionId") : std::nullopt;
    if (!session) {
        error = "cannot attach to the tab";
        return false;
    }
    session_ = *session;
    call("Runtime.enable", "{}");
    // The exact viewport (--window-size counts the window's frame too).
    call("Emulation.setDeviceMetricsOverride", "{\"width\":" + std::to_string(width_) +
                                                   ",\"height\":" + std::to_string(height_) +
                                                   ",\"deviceScaleFactor\":1,\"mobile\":false}");
    if (!call("Page.navigate", "{\"url\":\"" + escape(url) + "\"}")) {
        error = "cannot navigate to " + url;
        return false;
    }
    return true;
}

std::optional<std::string> DevToolsPipe::evaluate(const std::string& expression) {
    const auto reply = call("Runtime.evaluate", "{\"expression\":\"" + escape(expression) +
                                                    "\",\"returnByValue\":true}");
    if (!reply) return std::nullopt;
    return jsonField(*reply, "value");
}

std::optional<std::string> DevToolsPipe::screenshot() {
    const auto reply = call("Page.captureScreenshot", "{\"format\":\"png\"}");
    const auto data = reply ? jsonField(*reply, "data") : std::nullopt;
    if (!data) return std::nullopt;
    return base64Decode(*data);
}

bool DevToolsPipe::mouse(const char* type, double x, double y, bool pressed) {
    char params[256];
    std::snprintf(params, sizeof params,
                  "{\"type\":\"%s\",\"x\":%.1f,\"y\":%.1f,\"button\":\"%s\",\"buttons\":%d,"
                  "\"clickCount\":1}",
                  type, x, y, pressed || std::string(type) != "mouseMoved" ? "left" : "none",
                  pressed ? 1 : 0);
    return call("Input.dispatchMouseEvent", params).has_value();
}

bool DevToolsPipe::click(double x, double y) {
    return mouse("mouseMoved", x, y, false) && mouse("mousePressed", x, y, true) &&
           mouse("mouseReleased", x, y, false);
}

bool DevToolsPipe::drag(double x0, double y0, double x1, double y1, int steps) {
    if (!mouse("mouseMoved", x0, y0, false) || !mouse("mousePressed", x0, y0, true)) return false;
    for (int i = 1; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        if (!mouse("mouseMoved", x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, true)) return false;
    }
    return mouse("mouseReleased", x1, y1, false);
}

}  // namespace medius::test
