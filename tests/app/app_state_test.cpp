#include <gtest/gtest.h>

#include "app/app_state.hpp"
#include "test_shapes.hpp"

using namespace medius;
using namespace medius::app;

namespace {
AppState stateWithBox() {
    AppState s;
    s.scene.add({"box", "Box", "", Layer::Bone, Side::None, test::makeBox({-10, -10, -10}, {10, 10, 10})});
    s.view.syncWith(s.scene);
    s.resetCamera(false);
    return s;
}
}  // namespace

TEST(AppState, ViewPresetActionAnimatesToThatSide) {
    AppState s = stateWithBox();
    DiagnosticSink sink;
    EXPECT_GT(s.camera.eye().x, 10.0f) << "starts anterior";
    EXPECT_TRUE(applyAction(s, ViewPresetAction{ViewPreset::RightLateral}, sink));
    EXPECT_TRUE(s.transition.active());
    for (int i = 0; i < 100 && s.transition.active(); ++i) s.transition.advance(0.02f, s.camera);
    EXPECT_FALSE(s.transition.active());
    EXPECT_GT(s.camera.eye().z, 10.0f) << "ends on the right side";
    EXPECT_NEAR(s.camera.eye().x, 0.0f, 1e-2f);
}

TEST(AppState, ResetReturnsHome) {
    AppState s = stateWithBox();
    DiagnosticSink sink;
    const CameraPose home = s.camera.pose();
    s.camera.rotate(300, 100, 800);
    s.camera.pan(50, 20, 800);
    applyAction(s, ResetCameraAction{}, sink);
    for (int i = 0; i < 100 && s.transition.active(); ++i) s.transition.advance(0.02f, s.camera);
    EXPECT_NEAR(glm::length(s.camera.pose().target - home.target), 0.0f, 1e-3f);
    EXPECT_NEAR(s.camera.pose().distance, home.distance, 1e-2f);
}

TEST(AppState, OptionAndVisibilityActions) {
    AppState s = stateWithBox();
    DiagnosticSink sink;
    EXPECT_TRUE(applyAction(s, SetViewOptionAction{"msaa", "2"}, sink));
    EXPECT_EQ(s.options.msaa, 2);
    EXPECT_FALSE(applyAction(s, SetViewOptionAction{"msaa", "zero"}, sink));
    EXPECT_TRUE(sink.hasErrors());
    EXPECT_EQ(s.options.msaa, 2);
    applyAction(s, SetVisibleAction{0, false}, sink);
    EXPECT_FALSE(s.view.appearance(0).visible);
    applyAction(s, ShowAllAction{}, sink);
    EXPECT_TRUE(s.view.appearance(0).visible);
    applyAction(s, SetOpacityAction{0, 0.25f}, sink);
    EXPECT_FLOAT_EQ(s.view.appearance(0).opacity, 0.25f);
    applyAction(s, QuitAction{}, sink);
    EXPECT_TRUE(s.quitRequested);
}

TEST(AppState, QuizAsksShownRightSideStructuresAndScoresClicks) {
    AppState s;
    s.scene.add({"femur_r", "Right femur", "", Layer::Bone, Side::Right, test::makeBox({0, 0, 0}, {1, 1, 1})});
    s.scene.add({"femur_l", "Left femur", "", Layer::Bone, Side::Left, test::makeBox({0, 0, -2}, {1, 1, -1})});
    s.scene.add({"sacrum", "Sacrum", "", Layer::Bone, Side::None, test::makeBox({0, 2, 0}, {1, 3, 1})});
    s.scene.add({"skin", "Skin", "", Layer::Skin, Side::None, test::makeBox({-5, -5, -5}, {5, 5, 5})});
    s.view.syncWith(s.scene);
    DiagnosticSink sink;
    applyAction(s, StartQuizAction{10, 3}, sink);
    ASSERT_TRUE(s.quiz);
    EXPECT_EQ(s.quiz->total(), 2) << "only femur_r and sacrum: no left twin, no skin";
    const std::string first = s.quiz->target();
    applyAction(s, QuizAnswerAction{first}, sink);
    EXPECT_EQ(s.quiz->score(), 1);
    EXPECT_EQ(s.choices.selected, first) << "the asked structure is shown afterwards";
    applyAction(s, QuizAnswerAction{"femur_l"}, sink);
    EXPECT_TRUE(s.quiz->finished());
    EXPECT_EQ(s.quiz->score(), 1);
    applyAction(s, StopQuizAction{}, sink);
    EXPECT_FALSE(s.quiz);
}

TEST(AppState, TourStepsForwardAndBackWithinBounds) {
    AppState s;
    s.scene.add({"femur_r", "Right femur", "", Layer::Bone, Side::Right, test::makeBox({0, 0, 0}, {10, 10, 10})});
    s.scene.add({"muscle_r", "Muscle", "", Layer::Muscle, Side::Right, test::makeBox({20, 0, 0}, {30, 10, 10})});
    s.view.syncWith(s.scene);
    Tour tour;
    tour.id = "t";
    TourStep first;
    first.caption = "bones only";
    first.view = "lateral";
    first.layers = std::vector<Layer>{Layer::Bone};
    first.labels = {"femur_r"};
    TourStep second;
    second.caption = "exact camera";
    second.camera = CameraPose{glm::vec3(5, 5, 5), 123.0f, 0.5f, 0.1f};
    second.xray = true;
    tour.steps = {first, second};
    s.tours = {tour};
    DiagnosticSink sink;
    applyAction(s, StartTourAction{"t"}, sink);
    ASSERT_TRUE(s.tourPlayback);
    EXPECT_FALSE(s.view.appearance(1).visible) << "the muscle layer is hidden in step 1";
    EXPECT_TRUE(s.choices.pinnedLabels.count("femur_r"));
    EXPECT_FALSE(applyAction(s, TourStepAction{-1}, sink)) << "no step before the first";
    applyAction(s, TourStepAction{+1}, sink);
    EXPECT_EQ(s.tourPlayback->index, 1u);
    for (int i = 0; i < 100 && s.transition.active(); ++i) s.transition.advance(0.05f, s.camera);
    EXPECT_NEAR(s.camera.pose().distance, 123.0f, 1e-3f);
    EXPECT_TRUE(s.options.xray);
    EXPECT_TRUE(s.view.appearance(1).visible) << "all layers in step 2";
    EXPECT_FALSE(applyAction(s, TourStepAction{+1}, sink)) << "no step after the last";
    applyAction(s, RecordTourStepAction{"here"}, sink);
    ASSERT_EQ(s.recording.steps.size(), 1u);
    EXPECT_TRUE(s.recording.steps[0].camera.has_value());
    applyAction(s, StopTourAction{}, sink);
    EXPECT_FALSE(s.tourPlayback);
}

TEST(AppState, AnnotationsAreKeptInViewsAndCleared) {
    AppState s = stateWithBox();
    DiagnosticSink sink;
    applyAction(s, AddStrokeAction{{{0.1f, 0.1f}, {0.5f, 0.5f}}}, sink);
    applyAction(s, AddStrokeAction{{{0.1f, 0.1f}}}, sink);  // a dot is not a stroke
    applyAction(s, AddNoteAction{glm::vec3(1, 2, 3), "here"}, sink);
    EXPECT_EQ(s.annotations.strokes.size(), 1u);
    ASSERT_EQ(s.annotations.notes.size(), 1u);
    const ViewSnapshot withNotes = s.snapshot();
    EXPECT_EQ(withNotes.annotations.notes[0].text, "here");
    applyAction(s, ClearAnnotationsAction{}, sink);
    EXPECT_TRUE(s.annotations.empty());
    s.restore(withNotes, sink);
    EXPECT_EQ(s.annotations.strokes.size(), 1u) << "a bookmark or undo brings them back";
}

TEST(AppState, DoubleClickCentresOnThePointAndFramesTheStructure) {
    AppState s = stateWithBox();
    DiagnosticSink sink;
    const float before = s.camera.pose().distance;
    applyAction(s, FrameStructureAction{"box", glm::vec3(10, 5, 0)}, sink);
    for (int i = 0; i < 100 && s.transition.active(); ++i) s.transition.advance(0.02f, s.camera);
    EXPECT_NEAR(glm::length(s.camera.pose().target - glm::vec3(10, 5, 0)), 0.0f, 1e-3f);
    EXPECT_GT(s.camera.pose().distance, 10.0f);
    EXPECT_LT(s.camera.pose().distance, before * 3.0f);
    EXPECT_FALSE(applyAction(s, FrameStructureAction{"nothing", std::nullopt}, sink));
}
