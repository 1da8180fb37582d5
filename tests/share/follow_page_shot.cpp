// follow_page_shot URL WIDTH HEIGHT OUT.png: opens the students' page in headless Chromium at
// that viewport, waits until the page has the model and the lecturer's state, saves a
// screenshot. For the README's pictures (scripts/follow_screenshots.sh) and for looking.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "devtools_pipe.hpp"

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: follow_page_shot URL WIDTH HEIGHT OUT.png\n");
        return 2;
    }
    medius::test::DevToolsPipe chrome;
    std::string error;
    if (!chrome.start(std::atoi(argv[2]), std::atoi(argv[3]), error) ||
        !chrome.open(argv[1], error)) {
        std::fprintf(stderr, "follow_page_shot: %s\n", error.c_str());
        return 1;
    }
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    std::string state;
    while (std::chrono::steady_clock::now() < until) {
        state = chrome.evaluate("document.getElementById('state').textContent").value_or("");
        if (state.find("\"loaded\":0") == std::string::npos &&
            state.find("\"loaded\":") != std::string::npos &&
            state.find("\"seq\":0") == std::string::npos)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const auto png = chrome.screenshot();
    if (!png) {
        std::fprintf(stderr, "follow_page_shot: no screenshot; page state %s\n", state.c_str());
        return 1;
    }
    std::ofstream(argv[4], std::ios::binary) << *png;
    std::printf("%s\n", state.c_str());
    return 0;
}
