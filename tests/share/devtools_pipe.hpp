#pragma once
// Drives headless Chromium through its DevTools protocol over --remote-debugging-pipe
// (fd 3 in, fd 4 out, one JSON message per NUL), so a test can load a page, read what the
// page says about itself and take a screenshot, waiting on the page's own state.
#include <sys/types.h>

#include <optional>
#include <string>

namespace medius::test {

class DevToolsPipe {
  public:
    // Starts `chromium` headless with software WebGL at width x height; false if it cannot.
    bool start(int width, int height, std::string& error);
    ~DevToolsPipe();
    // Opens `url` in a new tab and attaches to it.
    bool open(const std::string& url, std::string& error);
    // Evaluates a JavaScript expression in the page; its string value (nullopt on error).
    std::optional<std::string> evaluate(const std::string& expression);
    // The page as a PNG (bytes), nullopt on error.
    std::optional<std::string> screenshot();
    // The left button as a mouse or a finger would use it, at CSS pixels of the viewport
    // (Input.dispatchMouseEvent: the page sees pointer and mouse events, handled before the
    // reply comes back). A click presses and releases in place; a drag moves in `steps`.
    bool click(double x, double y);
    bool drag(double x0, double y0, double x1, double y1, int steps);
    // Everything the page logged to its console or threw, for failure messages.
    const std::string& console() const { return console_; }

  private:
    // Sends one command (on the attached page unless `browser`) and waits for its reply.
    std::optional<std::string> call(const std::string& method, const std::string& params,
                                    bool browser = false);
    std::optional<std::string> readMessage(double seconds);
    bool mouse(const char* type, double x, double y, bool pressed);
    pid_t pid_ = -1;
    int toChrome_ = -1, fromChrome_ = -1;
    int nextId_ = 1;
    int width_ = 0, height_ = 0;
    std::string session_, buffer_, console_, profile_;
};

// The value of a JSON string field `"key":"..."` (first match), unescaped; nullopt if absent.
std::optional<std::string> jsonField(const std::string& json, const std::string& key);
std::string base64Decode(const std::string& text);

}  // namespace medius::test
