#pragma once
// A smooth camera move between two poses (view presets, reset, re-centring).
#include "core/orbit_camera.hpp"

namespace medius {

class CameraTransition {
public:
    void start(const CameraPose& from, const CameraPose& to, float seconds);
    // Advances by dt seconds and writes the current pose; returns false once finished.
    bool advance(float dt, OrbitCamera& camera);
    bool active() const { return active_; }
    void cancel() { active_ = false; }

private:
    CameraPose from_, to_;
    float elapsed_ = 0.0f, duration_ = 0.0f;
    bool active_ = false;
};

}  // namespace medius
