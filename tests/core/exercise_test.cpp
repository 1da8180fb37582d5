// Exercises (issue 15): the loader's checks, the pose along the movement and the loop's clock.
#include "core/exercise.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/content_loader.hpp"
#include "core/readability.hpp"
#include "core/tour.hpp"

using namespace medius;

namespace {

const char* kGood = R"(id = "test_abduction"
name = "Side-lying hip abduction"
patient_name = "Lift the top leg"
stage = "progressive"
posture = "side-lying"
view = "anterior"
conditions = ["gluteal_tendinopathy"]
loop_seconds = 4
instructions = "Lift the top leg."
patient_instructions = "Lie on your side. Lift the top leg a little."

[dosage]
sets = 3
reps = 10
source = "a starting dose"

[[muscles]]
id = "gluteus_medius_middle_r"
patient_name = "Side hip muscle"
role = "works"

[[cautions]]
clinician = "Pain up to 2-3/10 is acceptable."
patient = "A little pain is fine."
rule_of_thumb = true

[[pose]]
at = 0

[[pose]]
at = 0.5
right_adduction = -20
left_knee = 40

[[pose]]
at = 1
)";

ExerciseNames names() {
    ExerciseNames n;
    n.structures = {"gluteus_medius_middle_r", "gluteus_minimus_r"};
    n.conditions = {"gluteal_tendinopathy"};
    return n;
}

std::optional<Exercise> parse(const std::string& text, DiagnosticSink& sink) {
    return parseExercise(text, "bad.toml", names(), sink);
}

// Replaces the first occurrence of `from` in the good file.
std::string edited(const std::string& from, const std::string& to) {
    std::string text = kGood;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

// The one error message, which must name the file and the line.
std::string onlyError(const DiagnosticSink& sink) {
    for (const auto& d : sink.all())
        if (d.level == Level::Error) return d.format();
    return "";
}

}  // namespace

TEST(Exercise, GoodFileLoadsEveryField) {
    DiagnosticSink sink;
    std::vector<PatientText> texts;
    const auto e = parseExercise(kGood, "good.toml", names(), sink, &texts);
    ASSERT_TRUE(e) << (sink.all().empty() ? "" : sink.all().front().format());
    EXPECT_EQ(sink.count(Level::Error), 0);
    EXPECT_EQ(sink.count(Level::Warning), 0);
    EXPECT_EQ(e->stage, ExerciseStage::Progressive);
    EXPECT_EQ(e->posture, "side-lying");
    EXPECT_EQ(e->sets, 3);
    EXPECT_EQ(e->reps, 10);
    EXPECT_EQ(e->dosageText(), "3 x 10");
    Exercise hold = *e;
    hold.reps = 0;
    hold.holdSeconds = 30.0f;
    EXPECT_EQ(hold.dosageText(), "3 x 30 s hold");
    hold.reps = 8;
    EXPECT_EQ(hold.dosageText(), "3 x 8, hold 30 s");
    ASSERT_EQ(e->keyframes.size(), 3u);
    EXPECT_FLOAT_EQ(e->keyframes[1].pose.adduction, -20.0f);
    EXPECT_FLOAT_EQ(e->keyframes[1].pose.leftKneeFlexion, 40.0f);
    EXPECT_EQ(e->keyframes[1].pose.body, BodyOrientation::SideLying);
    EXPECT_FLOAT_EQ(e->endAt, 0.5f) << "three poses: the end is the middle one";
    ASSERT_EQ(e->cautions.size(), 1u);
    EXPECT_TRUE(e->cautions[0].ruleOfThumb);
    EXPECT_EQ(texts.size(), 4u) << "patient name, instructions, the muscle's and the caution's patient text are graded";
}

TEST(Exercise, BadFilesAreReportedWithFileAndLine) {
    struct Case {
        std::string text;
        const char* expect;  // part of the message, after "bad.toml:LINE:"
        int line;
    };
    const std::vector<Case> cases = {
        {edited("stage = \"progressive\"", "stage = \"heavy\""), "stage 'heavy'", 4},
        {edited("posture = \"side-lying\"", "posture = \"handstand\""), "posture 'handstand'", 5},
        {edited("view = \"anterior\"", "view = \"sideways\""), "view 'sideways'", 6},
        {edited("[\"gluteal_tendinopathy\"]", "[\"knee_pain\"]"), "unknown condition 'knee_pain'",
         7},
        {edited("gluteus_medius_middle_r", "biceps_r"), "unknown structure id 'biceps_r'", 18},
        {edited("role = \"works\"", "role = \"rests\""), "role 'rests'", 20},
        {edited("sets = 3", "sets = 30"), "sets", 13},
        {edited("reps = 10\n", ""), "needs 'reps', 'hold_seconds' or both", 12},
        {edited("right_adduction = -20", "right_adduction = 80"), "right_adduction", 32},
        {edited("at = 0.5", "at = 0"), "'at' must increase", 31},
        {edited("rule_of_thumb = true", "rule_of_thumb = 1"),
         "'rule_of_thumb' must be true or false", 25},
        {edited("id = \"test_abduction\"", "id = 3"), "'id'", 1},
        {edited("[[pose]]\nat = 1\n", ""), "the last pose must be at = 1", 0},
    };
    for (const auto& c : cases) {
        DiagnosticSink sink;
        EXPECT_FALSE(parse(c.text, sink)) << c.expect;
        const std::string message = onlyError(sink);
        EXPECT_NE(message.find(c.expect), std::string::npos) << message;
        EXPECT_EQ(message.rfind("bad.toml:", 0), 0u) << message;
        if (c.line > 0)
            EXPECT_NE(message.find("bad.toml:" + std::to_string(c.line) + ":"), std::string::npos)
                << message;
    }
    // A syntax error keeps its line too.
    DiagnosticSink sink;
    EXPECT_FALSE(parse(edited("sets = 3", "sets = = 3"), sink));
    EXPECT_NE(onlyError(sink).find("bad.toml:13"), std::string::npos) << onlyError(sink);
}

TEST(Exercise, EarlyStagesRefuseAdductionPastTheMidline) {
    // The fact sheet (4.7): avoid high-compression positions (adduction past midline) early on.
    DiagnosticSink sink;
    std::string text = edited("stage = \"progressive\"", "stage = \"isometric\"");
    text.replace(text.find("right_adduction = -20"), 21, "right_adduction = 10");
    EXPECT_FALSE(parse(text, sink));
    EXPECT_NE(onlyError(sink).find("adduction past the midline"), std::string::npos)
        << onlyError(sink);
    EXPECT_NE(onlyError(sink).find("bad.toml:30:"), std::string::npos) << onlyError(sink);
}

TEST(Exercise, PoseAlongTheMovementEasesBetweenKeyframesAndLoops) {
    DiagnosticSink sink;
    const auto e = parse(kGood, sink);
    ASSERT_TRUE(e);
    EXPECT_FLOAT_EQ(exercisePoseAt(*e, 0.0f).adduction, 0.0f);
    EXPECT_FLOAT_EQ(exercisePoseAt(*e, 0.5f).adduction, -20.0f);
    EXPECT_FLOAT_EQ(exercisePoseAt(*e, 0.25f).adduction, -10.0f)
        << "halfway, by symmetry of the ease";
    EXPECT_GT(exercisePoseAt(*e, 0.05f).adduction, -2.0f) << "eases out of the start";
    EXPECT_EQ(exercisePoseAt(*e, 1.0f), exercisePoseAt(*e, 0.0f)) << "the loop closes";
    EXPECT_NEAR(exercisePoseAt(*e, 1.3f).adduction, exercisePoseAt(*e, 0.3f).adduction, 1e-4f);
    EXPECT_EQ(exercisePoseAt(*e, 0.3f).body, BodyOrientation::SideLying);
}

TEST(Exercise, ClockGivesTheSamePhaseWhateverTheFrameRate) {
    // The same elapsed time in frames of 1/144 s, 1/30 s and uneven llvmpipe frames.
    const auto run = [](const std::vector<double>& frames, double total) {
        ExerciseClock clock;
        clock.start(4.0f);
        double t = 0.0;
        for (std::size_t i = 0; t < total - 1e-12; i = (i + 1) % frames.size()) {
            const double step = std::min(frames[i], total - t);
            clock.advance(step);
            t += step;
        }
        return clock.phase();
    };
    const double total = 7.3;  // nearly two loops
    const float expected = static_cast<float>(std::fmod(total / 4.0, 1.0));
    EXPECT_NEAR(run({1.0 / 144.0}, total), expected, 1e-5f);
    EXPECT_NEAR(run({1.0 / 30.0}, total), expected, 1e-5f);
    EXPECT_NEAR(run({0.011, 0.093, 0.047, 0.2}, total), expected, 1e-5f);
    // Paused, time does not move it; scrubbing sets it.
    ExerciseClock clock;
    clock.start(4.0f);
    clock.scrub(0.25f);
    clock.setPaused(true);
    clock.advance(1.0);
    EXPECT_NEAR(clock.phase(), 0.25f, 1e-6f);
    clock.setPaused(false);
    clock.advance(1.0);
    EXPECT_NEAR(clock.phase(), 0.5f, 1e-6f);
}

TEST(Exercise, ShippedProgrammeCoversTheThreeStagesAndReadsPlainly) {
    DiagnosticSink sink;
    const ContentLibrary library =
        loadContent(std::string(MEDIUS_SOURCE_DIR) + "/content", KnownNames{}, sink);
    for (const auto& d : sink.all()) EXPECT_NE(d.level, Level::Error) << d.format();
    ASSERT_TRUE(library.exercises);
    const auto& list = *library.exercises;
    EXPECT_GE(list.size(), 8u);
    for (ExerciseStage stage : kAllStages)
        EXPECT_TRUE(std::any_of(list.begin(), list.end(), [&](const Exercise& e) {
            return e.stage == stage;
        })) << stageName(stage);
    EXPECT_GE(programmeFor(list, "gluteal_tendinopathy").size(), 8u);
    for (const auto& e : list) {
        // Every exercise carries the pain guide, marked as a rule of thumb.
        EXPECT_TRUE(std::any_of(e.cautions.begin(), e.cautions.end(), [](const ExerciseCaution& c) {
            return c.ruleOfThumb && c.clinician.find("2-3/10") != std::string::npos;
        })) << e.id;
        EXPECT_FALSE(e.dosageSource.empty()) << e.id;
        EXPECT_FALSE(e.muscles.empty()) << e.id;
        EXPECT_LE(fleschKincaidGrade(e.patientInstructions), kMaxPatientGrade) << e.id;
        EXPECT_EQ(clinicianOnlyTerm(e.patientInstructions), "") << e.id;
        for (const auto& c : e.cautions) EXPECT_EQ(clinicianOnlyTerm(c.patient), "") << e.id;
    }
}

TEST(Exercise, TourStepPlaysAnExerciseAndSavesIt) {
    const char* text = R"(id = "t"
title = "T"

[[step]]
caption = "Play it"
exercise = "bridge"

[[step]]
caption = "Hold it"
exercise = "bridge"
exercise_phase = 0.5
)";
    TourNames names;
    names.exercises = {"bridge"};
    DiagnosticSink sink;
    const auto tour = parseTour(text, "t.toml", names, sink);
    ASSERT_TRUE(tour) << (sink.all().empty() ? "" : sink.all().front().format());
    ASSERT_EQ(tour->steps.size(), 2u);
    EXPECT_EQ(tour->steps[0].exercise, "bridge");
    EXPECT_FALSE(tour->steps[0].exercisePhase);
    ASSERT_TRUE(tour->steps[1].exercisePhase);
    EXPECT_FLOAT_EQ(*tour->steps[1].exercisePhase, 0.5f);
    const auto again = parseTour(serializeTour(*tour), "again.toml", names, sink);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->steps[1].exercise, "bridge");
    EXPECT_FLOAT_EQ(again->steps[1].exercisePhase.value_or(-1.0f), 0.5f);
    // An unknown exercise, and a phase without one, are errors on their lines.
    std::string bad = text;
    bad.replace(bad.find("exercise = \"bridge\""), 19, "exercise = \"plank\"");
    DiagnosticSink badSink;
    EXPECT_FALSE(parseTour(bad, "bad.toml", names, badSink));
    EXPECT_NE(onlyError(badSink).find("bad.toml:6:"), std::string::npos) << onlyError(badSink);
    EXPECT_NE(onlyError(badSink).find("unknown exercise 'plank'"), std::string::npos)
        << onlyError(badSink);
    std::string orphan = text;
    orphan.replace(orphan.rfind("exercise = \"bridge\"\n"), 20, "");
    DiagnosticSink orphanSink;
    EXPECT_FALSE(parseTour(orphan, "bad.toml", names, orphanSink));
    EXPECT_NE(onlyError(orphanSink).find("'exercise_phase' needs 'exercise'"), std::string::npos)
        << onlyError(orphanSink);
}
