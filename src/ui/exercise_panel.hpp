#pragma once
// The exercise programme of a condition (issue 15): its exercises by stage; the one playing
// with play/pause, a scrubber over its loop, its dosage, muscles, cautions and instructions,
// and the tendon compression measure along the movement with the squeezing positions flagged.
#include <vector>

#include "core/actions.hpp"
#include "core/condition.hpp"
#include "core/exercise.hpp"
#include "core/hip_pose.hpp"
#include "core/structure.hpp"

namespace medius::ui {

struct ExercisePanelState {
    const std::vector<const Exercise*>& programme;
    const Exercise* playing = nullptr;
    const ExerciseClock* clock = nullptr;
    const PoseRig* rig = nullptr;
    const Scene* scene = nullptr;  // for the muscles' names
    Audience audience = Audience::Clinician;
    const std::vector<std::string>* onHandout = nullptr;  // picked for the handout's exercise page
    const Exercise* handoutDosage = nullptr;               // the playing one, with the handout's dosage
};
void drawExercisePanel(const ExercisePanelState& in, ActionQueue& actions);

}  // namespace medius::ui
