// AppState's exercise playback (issue 15): which exercise plays, its clock, the pose it gives
// and the camera that shows it.
#include <algorithm>

#include "app/app_state.hpp"

namespace medius::app {

const std::vector<Exercise>& AppState::exercises() const {
    static const std::vector<Exercise> none;
    return content.exercises ? *content.exercises : none;
}

const Exercise* AppState::exercise() const {
    return exerciseId.empty() ? nullptr : findExercise(exercises(), exerciseId);
}

void AppState::startExercise(const std::string& id, DiagnosticSink& sink, bool animate) {
    const Exercise* e = findExercise(exercises(), id);
    if (!e) {
        sink.error("", 0, "unknown exercise '" + id + "'");
        return;
    }
    exerciseId = id;
    exerciseClock.start(e->loopSeconds);
    exerciseClock.setPaused(false);
    sinceExercisePose = 0.0;
    updatePose();
    applyCondition(sink);
    if (animate)
        transition.start(camera.pose(), homePose(), 0.6f);
    else
        camera.setPose(homePose());
}

void AppState::stopExercise(DiagnosticSink& sink) {
    if (exerciseId.empty()) return;
    exerciseId.clear();
    updatePose();
    applyCondition(sink);
    transition.start(camera.pose(), homePose(), 0.6f);
}

bool AppState::advanceExercise(double seconds, double minInterval, DiagnosticSink& sink) {
    if (!exercise() || exerciseClock.paused()) return false;
    exerciseClock.advance(seconds);
    sinceExercisePose += seconds;
    if (sinceExercisePose < minInterval) return false;
    sinceExercisePose = 0.0;
    if (!updatePose()) return false;
    applyCondition(sink);
    return true;
}

void AppState::scrubExercise(float phase, DiagnosticSink& sink) {
    exerciseClock.scrub(phase);
    if (updatePose()) applyCondition(sink);
}

std::vector<std::string> AppState::exercisesForHandout() const {
    if (!handoutExercises.empty()) return handoutExercises;
    std::vector<std::string> out;
    if (const Condition* c = condition())
        for (ExerciseStage stage : kAllStages)
            for (const Exercise* e : programmeFor(exercises(), c->id))
                if (e->stage == stage) {
                    out.push_back(e->id);
                    break;
                }
    return out;
}

Exercise AppState::forHandout(const Exercise& e) const {
    Exercise out = e;
    if (const auto it = handoutDosage.find(e.id); it != handoutDosage.end()) {
        out.sets = it->second.sets;
        out.reps = it->second.reps;
        out.holdSeconds = it->second.holdSeconds;
    }
    return out;
}

CameraPose AppState::exerciseFraming() const {
    const Exercise* e = exercise();
    if (!e || !rig.valid) return camera.pose();
    // The whole movement stays in the frame: the skeleton and skin at the start and at the end.
    // Measured on the rest scene moved rigidly, which is cheap and close enough for framing.
    Bounds box;
    for (const float phase : {0.0f, e->endAt}) {
        const HipPose pose = exercisePoseAt(*e, phase);
        const glm::mat4 body = bodyMotion(pose, rig.headCentre);
        const Bounds rest = restScene.bounds();
        for (int corner = 0; corner < 8; ++corner) {
            const glm::vec3 p((corner & 1) ? rest.max.x : rest.min.x,
                              (corner & 2) ? rest.max.y : rest.min.y,
                              (corner & 4) ? rest.max.z : rest.min.z);
            box.extend(glm::vec3(body * glm::vec4(p, 1.0f)));
        }
    }
    box.extend(scene.bounds());  // the pose shown now, deformed
    const ViewPreset preset = parseViewPreset(e->view).value_or(ViewPreset::RightLateral);
    return camera.framing(box, preset, aspect);
}

}  // namespace medius::app
