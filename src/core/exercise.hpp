#pragma once
// Exercises (issue 15): the staged programme for lateral hip pain, each exercise a short
// sequence of whole-body poses the model moves through, with its dosage, the muscles that
// work, cautions and plain instructions. Loaded from content/exercises/*.toml (SCHEMA.md
// there), validated with file and line like the conditions.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/condition.hpp"
#include "core/diagnostics.hpp"
#include "core/hip_pose.hpp"

namespace medius {

// The three stages of the fact sheet's section 4.7, in the order a programme goes through them.
enum class ExerciseStage { Isometric, Functional, Progressive };
const char* stageName(ExerciseStage stage);        // file form, e.g. "isometric"
const char* stageLabel(ExerciseStage stage);       // clinician form
const char* stagePlainLabel(ExerciseStage stage);  // patient form
std::optional<ExerciseStage> parseStage(const std::string& text);
constexpr ExerciseStage kAllStages[] = {ExerciseStage::Isometric, ExerciseStage::Functional,
                                        ExerciseStage::Progressive};

// Where the body starts: decides how the whole model lies (the rigid placement).
const std::vector<std::string>& exercisePostures();  // lying, side-lying, standing, ...
BodyOrientation postureOrientation(const std::string& posture);

struct ExerciseKeyframe {
    float at = 0.0f;  // phase 0..1 of one loop
    HipPose pose;
    int line = 0;
};

enum class MuscleRole { Works, Helps };  // the main worker, and the muscles that help

struct ExerciseMuscle {
    std::string id;           // a structure id
    std::string patientName;  // its name in patient wording
    MuscleRole role = MuscleRole::Works;
};

struct ExerciseCaution {
    std::string clinician, patient;
    bool ruleOfThumb = false;  // a clinical rule of thumb, not a trial finding
};

struct Exercise {
    std::string id, name, patientName, file;
    ExerciseStage stage = ExerciseStage::Isometric;
    std::string posture;
    std::string view = "lateral";             // the camera preset that shows the movement best
    std::vector<ExerciseKeyframe> keyframes;  // sorted by phase, first at 0, last at 1
    float endAt = 0.5f;        // the phase of the end position (pictures, screenshots)
    float loopSeconds = 4.0f;  // one loop, start to end and back
    int sets = 0, reps = 0;    // reps 0 for a hold
    float holdSeconds = 0.0f;
    std::string dosageSource;
    std::vector<ExerciseMuscle> muscles;
    std::vector<ExerciseCaution> cautions;
    std::string instructions, patientInstructions;
    std::vector<std::string> conditions;  // conditions whose programme it belongs to
    // "3 x 10", "5 x 30-45 s hold" as the dosage reads.
    std::string dosageText() const;
};

struct ExerciseNames {
    std::set<std::string> structures, conditions;  // empty: not checked
};

// Every *.toml in `folder`; files with errors are reported and left out, sorted by stage then id.
std::vector<Exercise> loadExercises(const std::string& folder, const ExerciseNames& names,
                                    DiagnosticSink& sink, std::vector<PatientText>& patientTexts);
// One exercise from TOML text (tests, and the loader above).
std::optional<Exercise> parseExercise(const std::string& text, const std::string& path,
                                      const ExerciseNames& names, DiagnosticSink& sink,
                                      std::vector<PatientText>* patientTexts = nullptr);

// Colour-blind-safe colours (Okabe & Ito) of a muscle's part in an exercise, linear RGB.
glm::vec3 muscleRoleColour(MuscleRole role);
const char* muscleRoleLabel(MuscleRole role, bool patient);

// The pose at `phase` (wrapped into 0..1): the keyframes blended with an ease in and out, so
// the model slows into each position as a person does.
HipPose exercisePoseAt(const Exercise& exercise, float phase);

// The tendon compression measure (core/hip_pose measureCompression) along one loop, `samples`
// evenly spaced phases from 0, and whether a position squeezes the tendon: its indentation is
// more than kSqueezeMargin mm beyond standing's (20 degrees of adduction are well beyond it).
constexpr float kSqueezeMargin = 5.0f;
struct CompressionTrack {
    std::vector<float> indentation;  // mm, one per sample
    float standing = 0.0f;           // mm, standing evenly
    bool squeezes(float mm) const { return mm > standing + kSqueezeMargin; }
    bool anySqueeze() const;
};
CompressionTrack compressionAlong(const Exercise& exercise, const PoseRig& rig, int samples);

const Exercise* findExercise(const std::vector<Exercise>& list, const std::string& id);
// The exercises in a condition's programme, by stage.
std::vector<const Exercise*> programmeFor(const std::vector<Exercise>& list,
                                          const std::string& conditionId);

// The loop's clock: the phase comes from elapsed time only, so the pose at a moment does not
// depend on how many frames drew it. Pausable and scrubbable.
class ExerciseClock {
  public:
    void start(float loopSeconds) {
        loop_ = loopSeconds > 0.0f ? loopSeconds : 1.0f;
        elapsed_ = 0.0;
    }
    // Time passes (no-op while paused).
    void advance(double seconds) {
        if (!paused_ && seconds > 0.0) elapsed_ += seconds;
    }
    void setPaused(bool paused) { paused_ = paused; }
    bool paused() const { return paused_; }
    void scrub(float phase);  // jumps to a phase
    float phase() const;
    float loopSeconds() const { return loop_; }

  private:
    double elapsed_ = 0.0;
    float loop_ = 4.0f;
    bool paused_ = false;
};

}  // namespace medius
