#include "app/input_log.hpp"

#include <GLFW/glfw3.h>

#include <cctype>
#include <cstdio>
#include <sstream>

namespace medius::app {

namespace {

struct NamedKey {
    const char* name;
    int key;
};
constexpr NamedKey kNamedKeys[] = {
    {"Home", GLFW_KEY_HOME},      {"End", GLFW_KEY_END},
    {"Left", GLFW_KEY_LEFT},      {"Right", GLFW_KEY_RIGHT},
    {"Up", GLFW_KEY_UP},          {"Down", GLFW_KEY_DOWN},
    {"PageUp", GLFW_KEY_PAGE_UP}, {"PageDown", GLFW_KEY_PAGE_DOWN},
    {"Space", GLFW_KEY_SPACE},    {"Escape", GLFW_KEY_ESCAPE},
    {"Tab", GLFW_KEY_TAB},        {"Enter", GLFW_KEY_ENTER},
    {"Delete", GLFW_KEY_DELETE},  {"Backspace", GLFW_KEY_BACKSPACE},
};
constexpr const char* kButtons[] = {"left", "right", "middle"};

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

}  // namespace

bool parseKeyName(std::string_view text, int& key, int& mods) {
    mods = 0;
    const std::pair<const char*, int> prefixes[] = {
        {"ctrl+", GLFW_MOD_CONTROL}, {"shift+", GLFW_MOD_SHIFT}, {"alt+", GLFW_MOD_ALT}};
    for (bool again = true; again;) {
        again = false;
        for (const auto& [prefix, bit] : prefixes) {
            const std::string_view p(prefix);
            if (text.size() > p.size() && equalsIgnoringCase(text.substr(0, p.size()), p)) {
                mods |= bit;
                text.remove_prefix(p.size());
                again = true;
            }
        }
    }
    if (text.size() == 1) {
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
        if (c >= '0' && c <= '9') return key = GLFW_KEY_0 + (c - '0'), true;
        if (c >= 'A' && c <= 'Z') return key = GLFW_KEY_A + (c - 'A'), true;
    }
    if (text.size() >= 2 && (text[0] == 'F' || text[0] == 'f')) {
        int n = 0;
        for (std::size_t i = 1; i < text.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
                n = -1;
                break;
            }
            n = n * 10 + (text[i] - '0');
        }
        if (n >= 1 && n <= 12) return key = GLFW_KEY_F1 + n - 1, true;
    }
    for (const auto& named : kNamedKeys)
        if (equalsIgnoringCase(text, named.name)) return key = named.key, true;
    return false;
}

std::string keyName(int key, int mods) {
    std::string name;
    if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9)
        name = std::string(1, static_cast<char>('0' + key - GLFW_KEY_0));
    else if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z)
        name = std::string(1, static_cast<char>('A' + key - GLFW_KEY_A));
    else if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F12)
        name = "F" + std::to_string(key - GLFW_KEY_F1 + 1);
    else
        for (const auto& named : kNamedKeys)
            if (named.key == key) name = named.name;
    if (name.empty()) return name;
    if (mods & GLFW_MOD_ALT) name = "alt+" + name;
    if (mods & GLFW_MOD_SHIFT) name = "shift+" + name;
    if (mods & GLFW_MOD_CONTROL) name = "ctrl+" + name;
    return name;
}

std::vector<InputLogEvent> parseInputLog(const std::string& text, const std::string& path,
                                         DiagnosticSink& sink) {
    std::vector<InputLogEvent> events;
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        std::istringstream words(line);
        std::string verb;
        if (!(words >> verb)) continue;
        InputLogEvent e;
        e.line = number;
        std::string word, extra;
        bool good = true;
        if (verb == "move") {
            e.kind = InputLogEvent::Kind::Move;
            good = static_cast<bool>(words >> e.x >> e.y) && e.x >= -1e5f && e.x <= 1e5f &&
                   e.y >= -1e5f && e.y <= 1e5f;
            if (!good) sink.error(path, number, "'move' needs two numbers: X Y in window pixels");
        } else if (verb == "press" || verb == "release") {
            e.kind = verb == "press" ? InputLogEvent::Kind::Press : InputLogEvent::Kind::Release;
            good = false;
            if (words >> word)
                for (int b = 0; b < 3; ++b)
                    if (word == kButtons[b]) e.button = b, good = true;
            if (!good)
                sink.error(path, number, "'" + verb + "' needs a button: left, right or middle");
        } else if (verb == "scroll") {
            e.kind = InputLogEvent::Kind::Scroll;
            good =
                static_cast<bool>(words >> e.scroll) && e.scroll >= -100.0f && e.scroll <= 100.0f;
            if (!good) sink.error(path, number, "'scroll' needs a number of notches (-100 to 100)");
        } else if (verb == "key") {
            e.kind = InputLogEvent::Kind::Key;
            good = static_cast<bool>(words >> word) && parseKeyName(word, e.key, e.mods);
            if (!good)
                sink.error(path, number, "'key' needs a key name like 2, Home, F11 or ctrl+z");
        } else if (verb == "wait") {
            e.kind = InputLogEvent::Kind::Wait;
            good = static_cast<bool>(words >> e.frames) && e.frames >= 1 && e.frames <= 100000;
            if (!good) sink.error(path, number, "'wait' needs a number of frames (1 to 100000)");
        } else {
            sink.error(path, number,
                       "unknown event '" + verb + "' (move, press, release, scroll, key or wait)");
            continue;
        }
        if (good && (words >> extra)) {
            sink.error(path, number, "unexpected '" + extra + "' after the event");
            continue;
        }
        if (good) events.push_back(e);
    }
    return events;
}

std::string formatInputLogEvent(const InputLogEvent& e) {
    char buffer[96];
    switch (e.kind) {
        case InputLogEvent::Kind::Move:
            std::snprintf(buffer, sizeof buffer, "move %g %g", e.x, e.y);
            break;
        case InputLogEvent::Kind::Press:
            std::snprintf(buffer, sizeof buffer, "press %s", kButtons[e.button]);
            break;
        case InputLogEvent::Kind::Release:
            std::snprintf(buffer, sizeof buffer, "release %s", kButtons[e.button]);
            break;
        case InputLogEvent::Kind::Scroll:
            std::snprintf(buffer, sizeof buffer, "scroll %g", e.scroll);
            break;
        case InputLogEvent::Kind::Key:
            return "key " + keyName(e.key, e.mods);
        case InputLogEvent::Kind::Wait:
            std::snprintf(buffer, sizeof buffer, "wait %d", e.frames);
            break;
    }
    return buffer;
}

}  // namespace medius::app
