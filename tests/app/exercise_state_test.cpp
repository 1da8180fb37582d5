// Issue 15: an exercise playing in the app: the pose comes from elapsed time, so the same
// moment gives the same pose at any frame rate; pause and scrub through the actions.
#include <gtest/gtest.h>

#include <cmath>

#include "app/app_state.hpp"
#include "test_shapes.hpp"

using namespace medius;
using namespace medius::app;

namespace {
const char* kExercise = R"(id = "lift"
name = "Lift"
patient_name = "Lift the leg"
stage = "progressive"
posture = "side-lying"
conditions = ["gluteal_tendinopathy"]
loop_seconds = 3
instructions = "Lift."
patient_instructions = "Lift the leg."

[dosage]
sets = 3
reps = 10
source = "test"

[[muscles]]
id = "box"
patient_name = "Box"
role = "works"

[[pose]]
at = 0

[[pose]]
at = 0.5
right_adduction = -30
right_knee = 20

[[pose]]
at = 1
)";

AppState stateWithExercise() {
    AppState s;
    s.scene.add({"box", "Box", "", Layer::Muscle, Side::Right,
                 test::makeBox({-10, -10, -10}, {10, 10, 10})});
    s.view.syncWith(s.scene);
    DiagnosticSink sink;
    auto e = parseExercise(kExercise, "lift.toml", {}, sink);
    if (!e) {
        ADD_FAILURE() << (sink.all().empty() ? "" : sink.all().front().format());
        return s;
    }
    s.content.exercises = std::make_shared<const std::vector<Exercise>>(std::vector<Exercise>{*e});
    s.resetCamera(false);
    return s;
}

// Plays `seconds` in frames of the given lengths (cycled) and returns the pose it shows.
HipPose playFor(const std::vector<double>& frames, double seconds) {
    AppState s = stateWithExercise();
    DiagnosticSink sink;
    EXPECT_TRUE(applyAction(s, PlayExerciseAction{"lift"}, sink));
    double t = 0.0;
    for (std::size_t i = 0; t < seconds - 1e-12; i = (i + 1) % frames.size()) {
        const double dt = std::min(frames[i], seconds - t);
        s.advanceExercise(dt, 1.0 / 30.0, sink);
        t += dt;
    }
    return s.wantedPose();
}
}  // namespace

TEST(ExerciseState, SamePoseAtTheSameMomentWhateverTheFrameRate) {
    const double seconds = 4.1;  // into the second loop
    const HipPose fast = playFor({1.0 / 144.0}, seconds);
    const HipPose slow = playFor({1.0 / 20.0}, seconds);
    const HipPose uneven = playFor({0.004, 0.09, 0.031, 0.25}, seconds);
    for (const HipPose& p : {slow, uneven}) {
        EXPECT_NEAR(p.adduction, fast.adduction, 1e-3f);
        EXPECT_NEAR(p.kneeFlexion, fast.kneeFlexion, 1e-3f);
        EXPECT_EQ(p.body, BodyOrientation::SideLying);
    }
    // 4.1 s into a 3 s loop is phase 0.367: on the way up to -30 degrees.
    EXPECT_LT(fast.adduction, -15.0f);
    EXPECT_GT(fast.adduction, -30.0f);
}

TEST(ExerciseState, PauseHoldsTheMomentAndScrubMovesIt) {
    AppState s = stateWithExercise();
    DiagnosticSink sink;
    applyAction(s, PlayExerciseAction{"lift"}, sink);
    EXPECT_EQ(s.exercise()->id, "lift");
    s.advanceExercise(0.6, 0.0, sink);
    applyAction(s, PauseExerciseAction{true}, sink);
    const float held = s.exerciseClock.phase();
    s.advanceExercise(1.0, 0.0, sink);
    EXPECT_FLOAT_EQ(s.exerciseClock.phase(), held);
    applyAction(s, ScrubExerciseAction{0.5f}, sink);
    EXPECT_NEAR(s.wantedPose().adduction, -30.0f, 1e-3f);
    // The working muscle is lit in its role colour.
    EXPECT_EQ(s.view.appearance(0).colour, muscleRoleColour(MuscleRole::Works));
    applyAction(s, StopExerciseAction{}, sink);
    EXPECT_EQ(s.exercise(), nullptr);
    EXPECT_EQ(s.wantedPose(), HipPose{});
    EXPECT_NE(s.view.appearance(0).colour, muscleRoleColour(MuscleRole::Works));
}

TEST(ExerciseState, ThePhysiotherapistPicksExercisesAndDosageForTheHandout) {
    AppState s = stateWithExercise();
    DiagnosticSink sink;
    applyAction(s, ToggleHandoutExerciseAction{"lift"}, sink);
    applyAction(s, ToggleHandoutExerciseAction{"no_such_exercise"}, sink);
    EXPECT_EQ(s.exercisesForHandout(), std::vector<std::string>{"lift"});
    const Exercise& e = *findExercise(s.exercises(), "lift");
    EXPECT_EQ(s.forHandout(e).dosageText(), "3 x 10") << "the file's dosage until one is set";
    applyAction(s, SetHandoutDosageAction{"lift", 2, 15, 0.0f}, sink);
    EXPECT_EQ(s.forHandout(e).dosageText(), "2 x 15");
    applyAction(s, SetHandoutDosageAction{"lift", 40, 0, 500.0f}, sink);
    EXPECT_EQ(s.forHandout(e).dosageText(), "10 x 120 s hold") << "kept within the files' ranges";
    applyAction(s, ToggleHandoutExerciseAction{"lift"}, sink);
    EXPECT_TRUE(s.handoutExercises.empty());
}
