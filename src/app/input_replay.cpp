#include "app/input_replay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace medius::app {

void InputReplay::apply(ImGuiIO& io, InputEvents& events) {
    ++frame_;
    // The log's pointer and buttons stand in for the real ones, drags included.
    for (int b = 0; b < 3; ++b) {
        events.dragged[b] = glm::vec2(0.0f);
        events.released[b] = false;
    }
    if (waitLeft_ > 0) {
        --waitLeft_;
    } else if (next_ < events_.size()) {
        const InputLogEvent& e = events_[next_++];
        switch (e.kind) {
            case InputLogEvent::Kind::Move:
                for (int b = 0; b < 3; ++b)
                    if (down_[b]) events.dragged[b] += glm::vec2(e.x, e.y) - pointer_;
                pointer_ = {e.x, e.y};
                break;
            case InputLogEvent::Kind::Press:
                down_[e.button] = true;
                if (e.button == 0) pressAt_ = pointer_;
                break;
            case InputLogEvent::Kind::Release:
                down_[e.button] = false;
                events.released[e.button] = true;
                // The same rule as real input: a release within 4 px of its press is a click.
                if (e.button == 0 && glm::length(pointer_ - pressAt_) <= 4.0f) {
                    events.clicks.push_back(pointer_);
                    if (frame_ - lastClickFrame_ <= 6) {
                        events.doubleClicks.push_back(pointer_);
                        lastClickFrame_ = -100;
                    } else {
                        lastClickFrame_ = frame_;
                    }
                }
                break;
            case InputLogEvent::Kind::Scroll:
                io.MouseWheel += e.scroll;
                break;
            case InputLogEvent::Kind::Key:
                events.keys.push_back({e.key, e.mods});
                break;
            case InputLogEvent::Kind::Wait:
                waitLeft_ = e.frames - 1;
                break;
        }
    }
    // The pointer and buttons hold between events, whatever the real cursor does.
    io.MousePos = ImVec2(pointer_.x, pointer_.y);
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = down_[b];
}

void InputReplay::frameDone(double frameMs, double renderMs) {
    frameMs_.push_back(frameMs);
    if (renderMs > 0.0) renderMs_.push_back(renderMs);
}

std::string InputReplay::summary() const {
    auto stats = [](std::vector<double> v, double& mean, double& median, double& p95) {
        mean = median = p95 = 0.0;
        if (v.empty()) return;
        std::sort(v.begin(), v.end());
        for (double x : v) mean += x;
        mean /= static_cast<double>(v.size());
        median = v[v.size() / 2];
        p95 = v[std::min(v.size() - 1, v.size() * 95 / 100)];
    };
    double mean, median, p95, renderMean, unused1, unused2;
    stats(frameMs_, mean, median, p95);
    stats(renderMs_, renderMean, unused1, unused2);
    char buffer[256];
    std::snprintf(
        buffer, sizeof buffer,
        "replayed %zu events in %zu frames: mean %.1f ms, median %.1f ms, 95th percentile "
        "%.1f ms per frame; 3D render mean %.1f ms over %zu renders",
        events_.size(), frameMs_.size(), mean, median, p95, renderMean, renderMs_.size());
    return buffer;
}

void InputRecorder::observe(const ImGuiIO& io, const InputEvents& events) {
    const std::size_t before = events_.size();
    const glm::vec2 at(io.MousePos.x, io.MousePos.y);
    const bool valid = io.MousePos.x > -1e6f && io.MousePos.y > -1e6f;
    if (valid && at != pointer_) {
        InputLogEvent e;
        e.kind = InputLogEvent::Kind::Move;
        e.x = at.x;
        e.y = at.y;
        events_.push_back(e);
        pointer_ = at;
    }
    for (int b = 0; b < 3; ++b) {
        if (io.MouseDown[b] == down_[b]) continue;
        InputLogEvent e;
        e.kind = io.MouseDown[b] ? InputLogEvent::Kind::Press : InputLogEvent::Kind::Release;
        e.button = b;
        events_.push_back(e);
        down_[b] = io.MouseDown[b];
    }
    if (io.MouseWheel != 0.0f) {
        InputLogEvent e;
        e.kind = InputLogEvent::Kind::Scroll;
        e.scroll = io.MouseWheel;
        events_.push_back(e);
    }
    for (const KeyPress& k : events.keys) {
        if (keyName(k.key, k.mods).empty()) continue;  // keys the log cannot name
        InputLogEvent e;
        e.kind = InputLogEvent::Kind::Key;
        e.key = k.key;
        e.mods = k.mods;
        events_.push_back(e);
    }
    if (events_.size() == before) {
        ++idleFrames_;
    } else if (idleFrames_ > 0) {
        // Frames without input keep their place, so a replay keeps the recording's timing
        // (a camera move still gliding when the next drag starts, say).
        InputLogEvent wait;
        wait.kind = InputLogEvent::Kind::Wait;
        wait.frames = idleFrames_;
        events_.insert(events_.begin() + static_cast<std::ptrdiff_t>(before), wait);
        idleFrames_ = 0;
    }
}

std::string InputRecorder::text() const {
    std::string out = "# Medius input log 1: replay with medius --play-input FILE\n";
    for (const auto& e : events_) out += formatInputLogEvent(e) + "\n";
    return out;
}

}  // namespace medius::app
