#pragma once
// Discrete input (key presses, clicks) recorded as it arrives from GLFW. Dear ImGui 1.86
// samples key state once per frame, so a tap shorter than a frame (common when one frame
// takes 100 ms on a software renderer, and always with synthetic input) would be lost.
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

    bool pressed(int key, int requiredMods = 0) const;
    void clear();
};

// Installs the GLFW callbacks; call before ImGui_ImplGlfw_InitForOpenGL so ImGui chains them.
void installInputCallbacks(GLFWwindow* window, InputEvents& events);

}  // namespace medius::app
