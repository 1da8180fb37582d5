#pragma once
// What the UI and the input handlers ask for. Panels only emit these; the
// app applies them between building the UI and rendering, so nothing
// mutates the scene while ImGui is drawing.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <glm/glm.hpp>

#include "core/condition.hpp"
#include "core/orbit_camera.hpp"

namespace medius {

struct SetViewOptionAction {
    std::string name;
    std::string value;
};
struct SetVisibleAction {
    std::size_t structure;
    bool visible;
};
struct SetOpacityAction {
    std::size_t structure;
    float opacity;
};
struct ShowAllAction {};
struct ViewPresetAction {
    ViewPreset preset;
};
struct ResetCameraAction {};
struct QuitAction {};
// Empty id: back to the plain anatomy.
struct SelectConditionAction {
    std::string id;
};
struct SetAudienceAction {
    Audience audience;
};
// Empty id: close the comparison.
struct CompareConditionAction {
    std::string id;
};

// The structure under the cursor (-1: none); it is outlined and named.
struct HoverAction {
    int structure = -1;
};
// Empty id: nothing selected.
struct SelectStructureAction {
    std::string id;
};
struct FrameStructureAction {
    std::string id;
    // Where it was double-clicked: the camera centres there (else on the structure's centre).
    std::optional<glm::vec3> at;
};
// Shows only this structure (and keeps the condition's paint canvas hidden).
struct IsolateAction {
    std::string id;
};
// Adds or removes a leader-line label on a structure.
struct TogglePinnedLabelAction {
    std::string id;
};
struct UndoAction {};
struct RedoAction {};
struct SaveBookmarkAction {
    std::string name;
};
struct LoadBookmarkAction {
    std::string name;
};
struct DeleteBookmarkAction {
    std::string name;
};

struct StartQuizAction {
    int questions = 10;
    std::uint32_t seed = 1;
};
// The id the student clicked (empty: skip).
struct QuizAnswerAction {
    std::string picked;
};
struct StopQuizAction {};

struct StartTourAction {
    std::string id;
};
// +1 next step, -1 previous.
struct TourStepAction {
    int delta = 1;
};
struct StopTourAction {};
// Adds the current view as a step of the tour being recorded.
struct RecordTourStepAction {
    std::string caption;
};
struct SaveRecordedTourAction {
    std::string title;
};

// Writes the patient handout of the current condition (needs the renderer: the window does it);
// with `withExercises`, an exercise page with the exercises picked for it follows (issue 15).
struct ExportHandoutAction {
    bool withExercises = false;
};
// Puts an exercise on the handout's exercise page, or takes it off.
struct ToggleHandoutExerciseAction {
    std::string id;
};
// The dosage the handout gives an exercise, as the physiotherapist sets it (reps 0: a hold).
struct SetHandoutDosageAction {
    std::string id;
    int sets = 0, reps = 0;
    float holdSeconds = 0.0f;
};

// Exercises (issue 15): play one on the model on a loop, pause it, move to a phase, stop.
struct PlayExerciseAction {
    std::string id;
};
struct PauseExerciseAction {
    bool paused = true;
};
struct ScrubExerciseAction {
    float phase = 0.0f;
};
struct StopExerciseAction {};
// View > Share with the room: starts or stops the server students follow (the window does it).
struct ToggleShareAction {};

struct AddStrokeAction {
    std::vector<glm::vec2> points;  // view coordinates 0..1
};
struct AddNoteAction {
    glm::vec3 at;
    std::string text;
};
struct ClearAnnotationsAction {};

using Action = std::variant<SetViewOptionAction, SetVisibleAction, SetOpacityAction,
                            ShowAllAction, ViewPresetAction, ResetCameraAction, QuitAction,
                            SelectConditionAction, SetAudienceAction, CompareConditionAction,
                            SelectStructureAction, FrameStructureAction, IsolateAction, UndoAction,
                            RedoAction, SaveBookmarkAction, LoadBookmarkAction,
                            DeleteBookmarkAction, StartQuizAction, QuizAnswerAction,
                            StopQuizAction, TogglePinnedLabelAction, StartTourAction,
                            TourStepAction, StopTourAction, RecordTourStepAction,
                            SaveRecordedTourAction, ExportHandoutAction, AddStrokeAction,
                            AddNoteAction, ClearAnnotationsAction, HoverAction,
                            PlayExerciseAction, PauseExerciseAction, ScrubExerciseAction, StopExerciseAction,
                            ToggleHandoutExerciseAction, SetHandoutDosageAction, ToggleShareAction>;
using ActionQueue = std::vector<Action>;

}  // namespace medius
