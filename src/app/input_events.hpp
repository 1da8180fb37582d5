#pragma once
// Input recorded as it arrives from GLFW. Dear ImGui 1.86 samples key state, the pointer and
// the buttons once per frame, so a tap shorter than a frame (common when one frame takes
// 100 ms on a software renderer, and always with synthetic input) would be lost, and so would
// a drag whose last moves and release arrive within one frame: ImGui sees the motion with the
// button already up.
#include <glm/glm.hpp>
#include <vector>

struct GLFWwindow;

namespace medius::app {

struct KeyPress {
    int key;
    int mods;  // GLFW_MOD_* at the time of the press
};

struct InputEvents {
    std::vector<KeyPress> keys;
    std::vector<glm::vec2> clicks;        // left-button press and release without dragging
    std::vector<glm::vec2> doubleClicks;  // second click within 0.4 s and 6 px of the first
    // Per button (0 left, 1 right, 2 middle, as GLFW and ImGui number them): the pointer's
    // motion while the button was held, summed over every event since the last frame, and
    // whether the button was let go since the last frame.
    glm::vec2 dragged[3] = {glm::vec2(0.0f), glm::vec2(0.0f), glm::vec2(0.0f)};
    bool released[3] = {false, false, false};
    // Anything at all arrived since the last frame (keys, buttons, motion, wheel): the frame
    // loop keeps drawing a few frames after input, even input that came in its last one.
    bool arrived = false;

    bool pressed(int key, int requiredMods = 0) const;
    // Fed by the GLFW callbacks (and by tests): a button went down or up with the pointer at
    // `at`, the pointer moved to `at`.
    void buttonEvent(int button, bool press, glm::vec2 at);
    void cursorEvent(glm::vec2 at);
    // Once per frame, after the frame used its input. Keeps which buttons are held.
    void clear();

  private:
    bool held_[3] = {false, false, false};
    glm::vec2 cursor_{0.0f};
};

// Installs the GLFW callbacks; call before ImGui_ImplGlfw_InitForOpenGL so ImGui chains them.
void installInputCallbacks(GLFWwindow* window, InputEvents& events);

}  // namespace medius::app
