#pragma once
// Plays an input log into the window's frame loop (one event per frame, through the same
// ImGui and InputEvents paths real input takes) and records real input as a log.
#include <string>
#include <vector>

#include "app/input_events.hpp"
#include "app/input_log.hpp"

struct ImGuiIO;

namespace medius::app {

class InputReplay {
  public:
    explicit InputReplay(std::vector<InputLogEvent> events) : events_(std::move(events)) {}
    bool finished() const { return next_ >= events_.size() && waitLeft_ == 0; }
    // After ImGui_ImplGlfw_NewFrame and before ImGui::NewFrame: this frame's event.
    void apply(ImGuiIO& io, InputEvents& events);
    // Wall time of a replayed frame (events to swap) and of its 3D render (0 when none).
    void frameDone(double frameMs, double renderMs);
    // "replayed 80 events in 80 frames: mean 45.1 ms, median 44.8 ms, 95th percentile 52.0 ms
    // per frame; 3D render mean 38.2 ms"
    std::string summary() const;

  private:
    std::vector<InputLogEvent> events_;
    std::size_t next_ = 0;
    int waitLeft_ = 0;
    glm::vec2 pointer_{0.0f};
    bool down_[3] = {false, false, false};
    glm::vec2 pressAt_{0.0f};
    int lastClickFrame_ = -100;
    int frame_ = 0;
    std::vector<double> frameMs_, renderMs_;
};

class InputRecorder {
  public:
    // Once per frame, after ImGui::NewFrame, before the frame's events are cleared.
    void observe(const ImGuiIO& io, const InputEvents& events);
    std::string text() const;

  private:
    std::vector<InputLogEvent> events_;
    glm::vec2 pointer_{-1.0f};
    bool down_[3] = {false, false, false};
    int idleFrames_ = 0;
};

}  // namespace medius::app
