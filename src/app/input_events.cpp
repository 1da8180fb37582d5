#include "app/input_events.hpp"

#include <GLFW/glfw3.h>

namespace medius::app {

namespace {
InputEvents* gEvents = nullptr;
glm::vec2 gPressAt{0.0f};
glm::vec2 gLastClick{-1e9f};
double gLastClickTime = -1e9;

void onKey(GLFWwindow*, int key, int, int action, int mods) {
    if (!gEvents) return;
    gEvents->arrived = true;
    if (action == GLFW_PRESS || action == GLFW_REPEAT) gEvents->keys.push_back({key, mods});
}

void onCursor(GLFWwindow*, double x, double y) {
    if (gEvents) gEvents->cursorEvent(glm::vec2(static_cast<float>(x), static_cast<float>(y)));
}

void onScroll(GLFWwindow*, double, double) {
    if (gEvents) gEvents->arrived = true;
}

void onMouseButton(GLFWwindow* window, int button, int action, int) {
    if (!gEvents) return;
    double x = 0.0, y = 0.0;
    glfwGetCursorPos(window, &x, &y);
    const glm::vec2 at(static_cast<float>(x), static_cast<float>(y));
    gEvents->buttonEvent(button, action == GLFW_PRESS, at);
    if (button != GLFW_MOUSE_BUTTON_LEFT) return;
    if (action == GLFW_PRESS) {
        gPressAt = at;
        return;
    }
    if (glm::length(at - gPressAt) > 4.0f) return;  // a drag, not a click
    gEvents->clicks.push_back(at);
    const double now = glfwGetTime();
    if (now - gLastClickTime < 0.4 && glm::length(at - gLastClick) < 6.0f) {
        gEvents->doubleClicks.push_back(at);
        gLastClickTime = -1e9;  // a third click starts a new pair
    } else {
        gLastClickTime = now;
        gLastClick = at;
    }
}
}  // namespace

bool InputEvents::pressed(int key, int requiredMods) const {
    for (const auto& k : keys)
        if (k.key == key && (k.mods & (GLFW_MOD_CONTROL | GLFW_MOD_SHIFT | GLFW_MOD_ALT)) == requiredMods)
            return true;
    return false;
}

void InputEvents::buttonEvent(int button, bool press, glm::vec2 at) {
    arrived = true;
    cursorEvent(at);  // motion not yet reported counts before the transition
    if (button < 0 || button >= 3) return;
    held_[button] = press;
    if (!press) released[button] = true;
}

void InputEvents::cursorEvent(glm::vec2 at) {
    arrived = true;
    for (int b = 0; b < 3; ++b)
        if (held_[b]) dragged[b] += at - cursor_;
    cursor_ = at;
}

void InputEvents::clear() {
    keys.clear();
    clicks.clear();
    doubleClicks.clear();
    for (int b = 0; b < 3; ++b) {
        dragged[b] = glm::vec2(0.0f);
        released[b] = false;
    }
    arrived = false;
}

void installInputCallbacks(GLFWwindow* window, InputEvents& events) {
    gEvents = &events;
    glfwSetKeyCallback(window, onKey);
    glfwSetMouseButtonCallback(window, onMouseButton);
    glfwSetCursorPosCallback(window, onCursor);
    glfwSetScrollCallback(window, onScroll);
}

}  // namespace medius::app
