#pragma once
#include "core/actions.hpp"
#include "core/hip_pose.hpp"
#include "core/view_options.hpp"

namespace medius::ui {

// Preset postures, the three angles, and the compression measure plotted against adduction
// with the current posture marked. It opens at the bottom left, `leftInset` pixels from the
// edge (beside the condition legend when one is shown).
void drawPosePanel(const ViewOptions& options, const PoseRig& rig, const HipPose& current, bool* open,
                   ActionQueue& actions, float leftInset = 0.0f);

}  // namespace medius::ui
