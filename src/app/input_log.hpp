#pragma once
// Replayable input logs (F3D's --interaction-test-record / -play): a plain text file,
// one input event per line, each replayed as one frame. Used by interaction tests and
// by the orbit benchmark, and to record a session to replay later.
//
//   # Medius input log 1
//   move 640 400        pointer to window coordinates (pixels, top-left origin)
//   press left          button down: left, right or middle
//   move 660 400        ...a drag
//   release left
//   scroll 1            wheel notches (positive zooms in)
//   key 2               a key: 0-9, A-Z, F1-F12, Home, End, Left, Right, Up, Down,
//   key ctrl+z          PageUp, PageDown, Space, Escape, Tab; ctrl+, shift+, alt+ prefixes
//   wait 5              five frames with no input
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace medius::app {

struct InputLogEvent {
    enum class Kind { Move, Press, Release, Scroll, Key, Wait };
    Kind kind = Kind::Wait;
    float x = 0.0f, y = 0.0f;  // Move
    int button = 0;            // Press, Release: 0 left, 1 right, 2 middle (ImGui's order)
    float scroll = 0.0f;       // Scroll
    int key = 0, mods = 0;     // Key: GLFW key code and GLFW_MOD_* bits
    int frames = 1;            // Wait
    int line = 0;
};

// Parses a log; bad lines are reported with file and line and left out.
std::vector<InputLogEvent> parseInputLog(const std::string& text, const std::string& path,
                                         DiagnosticSink& sink);
// Writes one event as a log line (the recorder's output; parses back to the same event).
std::string formatInputLogEvent(const InputLogEvent& event);

// "F11" -> GLFW_KEY_F11, "ctrl+z" -> GLFW_KEY_Z with GLFW_MOD_CONTROL. False when unknown.
bool parseKeyName(std::string_view text, int& key, int& mods);
std::string keyName(int key, int mods);  // empty for keys the log cannot name

}  // namespace medius::app
