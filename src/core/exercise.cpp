#include "core/exercise.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/orbit_camera.hpp"
#include "core/toml_reader.hpp"

namespace medius {

namespace fs = std::filesystem;

const char* stageName(ExerciseStage stage) {
    switch (stage) {
        case ExerciseStage::Isometric:
            return "isometric";
        case ExerciseStage::Functional:
            return "functional";
        case ExerciseStage::Progressive:
            return "progressive";
    }
    return "isometric";
}

const char* stageLabel(ExerciseStage stage) {
    switch (stage) {
        case ExerciseStage::Isometric:
            return "1. Isometric holds";
        case ExerciseStage::Functional:
            return "2. Functional retraining";
        case ExerciseStage::Progressive:
            return "3. Progressive loading";
    }
    return "";
}

const char* stagePlainLabel(ExerciseStage stage) {
    switch (stage) {
        case ExerciseStage::Isometric:
            return "1. Push and hold still";
        case ExerciseStage::Functional:
            return "2. Everyday moves, done well";
        case ExerciseStage::Progressive:
            return "3. Build up the load";
    }
    return "";
}

std::optional<ExerciseStage> parseStage(const std::string& text) {
    for (ExerciseStage s : kAllStages)
        if (text == stageName(s)) return s;
    return std::nullopt;
}

const std::vector<std::string>& exercisePostures() {
    static const std::vector<std::string> postures = {
        "lying", "side-lying", "standing", "single-leg", "sit-to-stand", "step-up", "bridge"};
    return postures;
}

BodyOrientation postureOrientation(const std::string& posture) {
    if (posture == "lying" || posture == "bridge") return BodyOrientation::Supine;
    if (posture == "side-lying") return BodyOrientation::SideLying;
    return BodyOrientation::Upright;
}

std::string Exercise::dosageText() const {
    // "3 x 10", "5 x 30 s hold", "3 x 10, hold 5 s"
    std::ostringstream out;
    out << sets << " x ";
    const long hold = std::lround(holdSeconds);
    if (reps > 0) {
        out << reps;
        if (hold > 0) out << ", hold " << hold << " s";
    } else {
        out << hold << " s hold";
    }
    return out.str();
}

namespace {

struct PoseField {
    const char* key;
    float HipPose::*field;
    double min, max;
};
// The pose keys a keyframe may give (degrees); each missing one is 0.
const std::vector<PoseField>& poseFields() {
    static const std::vector<PoseField> fields = {
        {"right_adduction", &HipPose::adduction, -45, 30},
        {"right_flexion", &HipPose::flexion, -20, 120},
        {"right_rotation", &HipPose::rotation, -40, 40},
        {"left_adduction", &HipPose::leftAdduction, -45, 30},
        {"left_flexion", &HipPose::leftFlexion, -20, 120},
        {"left_rotation", &HipPose::leftRotation, -40, 40},
        {"right_knee", &HipPose::kneeFlexion, 0, 120},
        {"left_knee", &HipPose::leftKneeFlexion, 0, 120},
        {"pelvic_drop", &HipPose::pelvisDrop, -15, 15},
        {"pelvic_tilt", &HipPose::pelvicTilt, -20, 20},
        {"body_pitch", &HipPose::bodyPitch, -45, 45},
    };
    return fields;
}

void patientText(std::vector<PatientText>* texts, const std::string& file, int line,
                 const std::string& what, const std::string& text) {
    if (texts && !text.empty()) texts->push_back({file, line, what, text, false});
}

}  // namespace

std::optional<Exercise> parseExercise(const std::string& text, const std::string& path,
                                      const ExerciseNames& names, DiagnosticSink& sink,
                                      std::vector<PatientText>* patientTexts) {
    const auto parsed = parseTomlText(text, path, sink);
    if (!parsed) return std::nullopt;
    TomlReader top(*parsed, path, sink, 1);
    Exercise e;
    e.file = path;
    std::vector<PatientText> texts;
    e.id = top.text("id", true);
    e.name = top.text("name", true);
    e.patientName = top.text("patient_name", true);
    patientText(&texts, path, top.lineOf("patient_name"), "exercise patient_name", e.patientName);
    const std::string stage = top.text("stage", true);
    if (auto s = parseStage(stage))
        e.stage = *s;
    else if (!stage.empty())
        top.error(top.lineOf("stage"),
                  "stage '" + stage + "' is not isometric, functional or progressive");
    e.posture = top.text("posture", true);
    const auto& postures = exercisePostures();
    if (!e.posture.empty() &&
        std::find(postures.begin(), postures.end(), e.posture) == postures.end()) {
        std::string list;
        for (const auto& p : postures) list += (list.empty() ? "" : ", ") + p;
        top.error(top.lineOf("posture"), "posture '" + e.posture + "' is not one of " + list);
    }
    if (top.has("view")) {
        e.view = top.text("view", true);
        if (!parseViewPreset(e.view))
            top.error(
                top.lineOf("view"),
                "view '" + e.view +
                    "' is not one of anterior, posterior, lateral, medial, superior, inferior");
    }
    e.conditions = top.textList("conditions", true);
    for (const auto& c : e.conditions)
        if (!names.conditions.empty() && !names.conditions.count(c))
            top.error(top.lineOf("conditions"), "unknown condition '" + c + "'");
    e.loopSeconds = static_cast<float>(top.number("loop_seconds", false, 1.0, 30.0).value_or(4.0));
    e.instructions = top.text("instructions", true);
    e.patientInstructions = top.text("patient_instructions", true);
    patientText(&texts, path, top.lineOf("patient_instructions"), "exercise patient_instructions",
                e.patientInstructions);
    top.warnUnknownKeys({"id", "name", "patient_name", "stage", "posture", "conditions",
                         "loop_seconds", "end_at", "view", "instructions", "patient_instructions",
                         "dosage", "muscles", "cautions", "pose"});

    if (const toml::table* d = top.subtable("dosage", true)) {
        TomlReader r(*d, path, sink, top.lineOf("dosage"));
        e.sets = static_cast<int>(r.number("sets", true, 1, 10).value_or(0));
        e.reps = static_cast<int>(r.number("reps", false, 1, 50).value_or(0));
        e.holdSeconds = static_cast<float>(r.number("hold_seconds", false, 1, 120).value_or(0));
        if (e.reps == 0 && e.holdSeconds == 0.0f && !r.failed())
            r.error(r.line(), "dosage needs 'reps', 'hold_seconds' or both");
        e.dosageSource = r.text("source", true);
        r.warnUnknownKeys({"sets", "reps", "hold_seconds", "source"});
        if (r.failed()) top.error(r.line(), "dosage left out");
    }

    for (const auto& [t, line] : top.tables("muscles", true)) {
        TomlReader r(*t, path, sink, line);
        ExerciseMuscle m;
        m.id = r.text("id", true);
        if (!m.id.empty() && !names.structures.empty() && !names.structures.count(m.id))
            r.error(r.lineOf("id"), "unknown structure id '" + m.id + "'");
        m.patientName = r.text("patient_name", true);
        patientText(&texts, path, r.lineOf("patient_name"), "exercise muscle patient_name",
                    m.patientName);
        const std::string role = r.text("role", true);
        if (role == "works")
            m.role = MuscleRole::Works;
        else if (role == "helps")
            m.role = MuscleRole::Helps;
        else if (!role.empty())
            r.error(r.lineOf("role"), "role '" + role + "' is not works or helps");
        r.warnUnknownKeys({"id", "patient_name", "role"});
        if (r.failed())
            top.error(line, "muscle left out");
        else
            e.muscles.push_back(m);
    }

    for (const auto& [t, line] : top.tables("cautions", false)) {
        TomlReader r(*t, path, sink, line);
        ExerciseCaution c;
        c.clinician = r.text("clinician", true);
        c.patient = r.text("patient", true);
        if (const toml::node* n = t->get("rule_of_thumb")) {
            if (n->is_boolean())
                c.ruleOfThumb = n->as_boolean()->get();
            else
                r.error(r.lineOf("rule_of_thumb"), "'rule_of_thumb' must be true or false");
        }
        r.warnUnknownKeys({"clinician", "patient", "rule_of_thumb"});
        patientText(&texts, path, r.lineOf("patient"), "exercise caution patient", c.patient);
        if (r.failed())
            top.error(line, "caution left out");
        else
            e.cautions.push_back(std::move(c));
    }

    const BodyOrientation body = postureOrientation(e.posture);
    for (const auto& [t, line] : top.tables("pose", true)) {
        TomlReader r(*t, path, sink, line);
        ExerciseKeyframe k;
        k.line = line;
        k.at = static_cast<float>(r.number("at", true, 0.0, 1.0).value_or(0.0));
        k.pose.body = body;
        std::vector<std::string> known = {"at"};
        for (const auto& f : poseFields()) {
            known.push_back(f.key);
            k.pose.*f.field =
                static_cast<float>(r.number(f.key, false, f.min, f.max).value_or(0.0));
        }
        r.warnUnknownKeys(known);
        // Early stages keep the hip out of adduction past the midline (fact sheet 4.7): the
        // tendon is squeezed there.
        if (e.stage != ExerciseStage::Progressive &&
            (k.pose.adduction > 0.0f || k.pose.leftAdduction > 0.0f))
            r.error(line, std::string("a ") + stageName(e.stage) +
                              " exercise must not take the hip into adduction past the midline "
                              "(positive adduction)");
        if (!r.failed() && !e.keyframes.empty() && k.at <= e.keyframes.back().at)
            r.error(r.lineOf("at"), "'at' must increase from one pose to the next");
        if (r.failed())
            top.error(line, "pose left out");
        else
            e.keyframes.push_back(k);
    }
    if (!e.keyframes.empty()) {
        if (e.keyframes.front().at != 0.0f)
            top.error(e.keyframes.front().line, "the first pose must be at = 0");
        if (e.keyframes.back().at != 1.0f)
            top.error(e.keyframes.back().line, "the last pose must be at = 1");
        if (e.keyframes.size() < 2)
            top.error(e.keyframes.front().line, "a movement needs at least two poses");
    }
    e.endAt = static_cast<float>(
        top.number("end_at", false, 0.0, 1.0).value_or(e.keyframes.size() > 2 ? 0.5 : 1.0));

    if (top.failed()) {
        sink.warning(path, 0, "exercise left out because of the errors above");
        return std::nullopt;
    }
    if (patientTexts) patientTexts->insert(patientTexts->end(), texts.begin(), texts.end());
    return e;
}

std::vector<Exercise> loadExercises(const std::string& folder, const ExerciseNames& names,
                                    DiagnosticSink& sink, std::vector<PatientText>& patientTexts) {
    std::vector<Exercise> out;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return out;  // exercises are optional content
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file);
        if (!in) {
            sink.error(file, 0, "cannot read the file");
            continue;
        }
        std::stringstream text;
        text << in.rdbuf();
        auto e = parseExercise(text.str(), file, names, sink, &patientTexts);
        if (!e) continue;
        if (findExercise(out, e->id)) {
            sink.error(file, 1, "duplicate exercise id '" + e->id + "'; this one is left out");
            continue;
        }
        out.push_back(std::move(*e));
    }
    std::stable_sort(out.begin(), out.end(), [](const Exercise& a, const Exercise& b) {
        return a.stage != b.stage ? a.stage < b.stage : a.id < b.id;
    });
    return out;
}

glm::vec3 muscleRoleColour(MuscleRole role) {
    // Reddish purple for the worker (the muscle the programme strengthens), sky blue for helpers.
    return role == MuscleRole::Works ? glm::vec3(0.604f, 0.191f, 0.386f)
                                     : glm::vec3(0.093f, 0.456f, 0.815f);
}

const char* muscleRoleLabel(MuscleRole role, bool patient) {
    if (role == MuscleRole::Works) return patient ? "Does the work" : "Main worker";
    return patient ? "Helps" : "Assists";
}

HipPose exercisePoseAt(const Exercise& e, float phase) {
    if (e.keyframes.empty()) return HipPose{};
    phase = phase - std::floor(phase);  // 1.0 wraps to 0: the loop ends where it starts
    if (e.keyframes.size() == 1) return e.keyframes.front().pose;
    for (std::size_t i = 0; i + 1 < e.keyframes.size(); ++i) {
        const auto& a = e.keyframes[i];
        const auto& b = e.keyframes[i + 1];
        if (phase <= b.at) {
            const float t =
                b.at > a.at ? std::clamp((phase - a.at) / (b.at - a.at), 0.0f, 1.0f) : 1.0f;
            const float eased = t * t * (3.0f - 2.0f * t);
            return mixPoses(a.pose, b.pose, eased);
        }
    }
    return e.keyframes.back().pose;
}

bool CompressionTrack::anySqueeze() const {
    return std::any_of(indentation.begin(), indentation.end(),
                       [this](float mm) { return squeezes(mm); });
}

CompressionTrack compressionAlong(const Exercise& exercise, const PoseRig& rig, int samples) {
    CompressionTrack track;
    track.standing = measureCompression(rig, HipPose{}).indentation;
    for (int i = 0; i < samples; ++i) {
        const float phase = static_cast<float>(i) / static_cast<float>(std::max(samples, 1));
        track.indentation.push_back(
            measureCompression(rig, exercisePoseAt(exercise, phase)).indentation);
    }
    return track;
}

const Exercise* findExercise(const std::vector<Exercise>& list, const std::string& id) {
    for (const auto& e : list)
        if (e.id == id) return &e;
    return nullptr;
}

std::vector<const Exercise*> programmeFor(const std::vector<Exercise>& list,
                                          const std::string& conditionId) {
    std::vector<const Exercise*> out;
    for (const auto& e : list)
        if (std::find(e.conditions.begin(), e.conditions.end(), conditionId) != e.conditions.end())
            out.push_back(&e);
    return out;  // the list is sorted by stage already
}

void ExerciseClock::scrub(float phase) {
    phase = std::clamp(phase, 0.0f, 1.0f);
    elapsed_ = static_cast<double>(phase) * loop_;
}

float ExerciseClock::phase() const {
    const double loops = elapsed_ / loop_;
    return static_cast<float>(loops - std::floor(loops));
}

}  // namespace medius
