#pragma once
// Everything the app shows, in one place, and the one function that changes
// it in response to actions. Window and headless capture share it.
#include <map>

#include "core/actions.hpp"
#include "core/bookmark.hpp"
#include "core/bvh.hpp"
#include "core/camera_transition.hpp"
#include "core/exercise.hpp"
#include "core/hip_pose.hpp"
#include "core/quiz.hpp"
#include "core/tour.hpp"
#include "core/condition_view.hpp"
#include "core/structure_info.hpp"
#include "core/view_history.hpp"
#include "core/condition.hpp"
#include "core/diagnostics.hpp"
#include "core/orbit_camera.hpp"
#include "core/structure.hpp"
#include "core/view_options.hpp"
#include "core/view_state.hpp"

namespace medius::app {

struct AppState {
    Scene scene;
    ViewState view;
    ViewState compareView;  // the compared condition's highlights and pain map, same choices
    ViewOptions options;
    OrbitCamera camera;
    CameraTransition transition;
    float aspect = 1.6f;
    bool quitRequested = false;
    bool replaying = false;  // an input log is being replayed (the report says it)
    std::string shareUrl;  // while sharing with the room: the address students open (the report says it)

    ContentLibrary content;
    std::string conditionId;  // empty: plain anatomy
    std::string compareId;    // the condition shown beside it in the compare view
    Audience audience = Audience::Clinician;
    // True once the user chose a view preset: a condition's own view no longer overrides it.
    bool viewChosen = false;

    ViewChoices choices;       // shown/hidden, opacity, selection
    Annotations annotations;   // strokes over the view, notes pinned to the model

    // Posing: the scene as generated, what the pose needs to know about it, and the pose
    // the scene now shows.
    Scene restScene;
    PoseRig rig;
    HipPose appliedPose;
    HipPose wantedPose() const;      // from options.pose and the three angles
    // Re-poses the scene when the wanted pose differs from the applied one. True if it did.
    bool updatePose();
    // Exercises (issue 15, app/exercise_state.cpp): the one playing (empty: none) and its loop's
    // clock. While one plays, it decides the pose, lights its muscles and frames the camera.
    std::string exerciseId;
    ExerciseClock exerciseClock;
    double sinceExercisePose = 0.0;  // seconds since the loop last re-posed the model
    const Exercise* exercise() const;
    const std::vector<Exercise>& exercises() const;
    void startExercise(const std::string& id, DiagnosticSink& sink, bool animate = true);
    void stopExercise(DiagnosticSink& sink);
    // Time passes for the loop. Re-poses (and returns true) at most every `minInterval`
    // seconds and only when the phase moved: posing the whole model costs tens of ms on llvmpipe.
    bool advanceExercise(double seconds, double minInterval, DiagnosticSink& sink);
    // Jumps to a phase (0..1) and re-poses now.
    void scrubExercise(float phase, DiagnosticSink& sink);
    CameraPose exerciseFraming() const;
    // The exercises picked for the handout's exercise page, in the order picked; none picked:
    // the condition's programme, its first exercise of each stage.
    std::vector<std::string> handoutExercises;
    std::vector<std::string> exercisesForHandout() const;
    // Dosages the physiotherapist set for the handout, by exercise id (otherwise the file's).
    std::map<std::string, SetHandoutDosageAction> handoutDosage;
    // The exercise as the handout gives it: its dosage overridden where one was set.
    Exercise forHandout(const Exercise& e) const;
    StructureInfoTable info;   // what the info card says
    int hovered = -1;          // structure under the cursor
    ViewHistory history;
    BookmarkStore bookmarks{BookmarkStore::defaultFolder()};
    std::vector<Bookmark> bookmarkList;
    std::optional<QuizSession> quiz;  // while a quiz runs, clicks answer it

    std::vector<Tour> tours;
    struct TourPlayback {
        Tour tour;
        std::size_t index = 0;
    };
    std::optional<TourPlayback> tourPlayback;  // while a tour runs, the clicker keys step it
    Tour recording;                            // steps the user recorded, not yet saved
    // Shows one step: its condition, layers, labels, section and camera (smoothly unless
    // `animate` is false, as for a screenshot).
    void applyTourStep(const TourStep& step, DiagnosticSink& sink, bool animate = true);

    // The structure the ray meets first among those drawn solidly enough to see.
    std::optional<RayHit> pick(const Ray& ray);
    ViewSnapshot snapshot() const;
    void restore(const ViewSnapshot& s, DiagnosticSink& sink);
    // Frames one structure from the current direction.
    CameraPose framingOf(const std::string& id) const;

    const Condition* condition() const { return content.findCondition(conditionId); }
    // The chosen condition's camera, or the whole scene from options.view.
    CameraPose homePose() const;
    void resetCamera(bool animate);
    // Recomputes what the chosen condition and the user's choices imply: highlights,
    // ghosting, pain zones.
    void applyCondition(DiagnosticSink& sink);

private:
    SceneBvh bvh_;
};

// Applies one action. Returns true when the 3D image must be redrawn.
bool applyAction(AppState& state, const Action& action, DiagnosticSink& sink);

}  // namespace medius::app
