#include "core/view_history.hpp"

#include <cmath>

namespace medius {

namespace {
bool near(const CameraPose& a, const CameraPose& b) {
    return glm::length(a.target - b.target) < 1e-3f && std::fabs(a.distance - b.distance) < 1e-3f &&
           std::fabs(a.yaw - b.yaw) < 1e-5f && std::fabs(a.pitch - b.pitch) < 1e-5f;
}
}  // namespace

bool ViewSnapshot::operator==(const ViewSnapshot& o) const {
    return near(camera, o.camera) && condition == o.condition && choices == o.choices &&
           xray == o.xray && annotations == o.annotations;
}

void ViewHistory::observe(const ViewSnapshot& current, double now) {
    if (!settled_) {
        settled_ = current;
        last_ = current;
        return;
    }
    if (!(current == *last_)) {
        last_ = current;
        lastChange_ = now;
        pendingChange_ = !(current == *settled_);
        return;
    }
    if (pendingChange_ && now - lastChange_ >= settle_) {
        undo_.push_back(*settled_);
        if (undo_.size() > limit_) undo_.erase(undo_.begin());
        redo_.clear();
        settled_ = current;
        pendingChange_ = false;
    }
}

std::optional<ViewSnapshot> ViewHistory::undo(const ViewSnapshot& current) {
    // A change still in motion counts as a step of its own.
    if (pendingChange_ && settled_) {
        undo_.push_back(*settled_);
        pendingChange_ = false;
    }
    if (undo_.empty()) return std::nullopt;
    ViewSnapshot back = undo_.back();
    undo_.pop_back();
    redo_.push_back(current);
    settled_ = back;
    last_ = back;
    return back;
}

std::optional<ViewSnapshot> ViewHistory::redo(const ViewSnapshot& current) {
    if (redo_.empty()) return std::nullopt;
    ViewSnapshot forward = redo_.back();
    redo_.pop_back();
    undo_.push_back(current);
    settled_ = forward;
    last_ = forward;
    pendingChange_ = false;
    return forward;
}

}  // namespace medius
