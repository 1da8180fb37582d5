#include "core/camera_transition.hpp"

#include <algorithm>

namespace medius {

void CameraTransition::start(const CameraPose& from, const CameraPose& to, float seconds) {
    from_ = from;
    to_ = to;
    elapsed_ = 0.0f;
    duration_ = std::max(seconds, 1e-3f);
    active_ = true;
}

bool CameraTransition::advance(float dt, OrbitCamera& camera) {
    if (!active_) return false;
    elapsed_ += std::max(dt, 0.0f);
    const float t = std::min(elapsed_ / duration_, 1.0f);
    // Ease in and out so the move starts and lands gently.
    const float eased = t * t * (3.0f - 2.0f * t);
    camera.setPose(interpolate(from_, to_, eased));
    if (t >= 1.0f) active_ = false;
    return active_;
}

}  // namespace medius
