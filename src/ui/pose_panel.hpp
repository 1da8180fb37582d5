#pragma once
#include "core/actions.hpp"
#include "core/hip_pose.hpp"
#include "core/view_options.hpp"

namespace medius::ui {

// Preset postures, the three angles, and the compression measure plotted against adduction
// with the current posture marked: the contents of the sidebar's posture section.
void drawPosePanel(const ViewOptions& options, const PoseRig& rig, const HipPose& current,
                   ActionQueue& actions);

}  // namespace medius::ui
