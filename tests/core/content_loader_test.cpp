#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/content_loader.hpp"

using namespace medius;
namespace fs = std::filesystem;

namespace {

const char* kReferences = R"(
[[reference]]
key = "smith2020"
authors = "Smith A, Jones B"
year = 2020
title = "A trial"
journal = "BMJ"
doi = "10.0000/example"
)";

const char* kRedFlags = R"(
[[red_flag]]
key = "fracture"
name = "Fracture"
clinician = "Consider fracture."
patient = "See a doctor."
signs = ["cannot bear weight"]
patient_now = ["You fell and cannot stand on the leg."]
)";

// A minimal valid condition; tests break one thing at a time.
std::string condition(const std::string& id) {
    return R"(id = ")" + id + R"("
name = "Test condition )" + id + R"("
group = "Lateral hip"
view = "lateral"
summary = "Summary."
patient_summary = "Plain summary."
who = "Everyone."
self_management = ["Rest a little."]
red_flags = ["fracture"]

[[structures]]
id = "gluteus_medius_insertion_lateral_r"
role = "pain_source"
patient_name = "Hip tendon"

[[structures]]
id = "iliotibial_band_r"
role = "compressing"
patient_name = "Band on the outer thigh"

[[pain_zones]]
label = "Side of the hip"
kind = "local"
intensity = 1.0
radius = 40
source = "clinical description"
path = [ { at = "greater_trochanter_r" } ]

[pathophysiology]
clinician = "Why."
patient = "Why, plainly."
[[pathophysiology.steps]]
clinician = "One."
patient = "One, plainly."
[[pathophysiology.steps]]
clinician = "Two."
patient = "Two, plainly."

[presentation]
history = ["Pain lying on the side."]
signs = ["Tender trochanter."]
[[presentation.tests]]
name = "Single-leg stance"
description = "Stand 30 s."
sensitivity = 0.8
specificity = 0.9
citations = ["smith2020"]

[[relief]]
name = "Advice"
what = "Advice."
patient = "Advice, plainly."
evidence = "expert_opinion"
patient_evidence = "Expert advice."
source = "clinical-facts.md 4.6"

[[relief]]
name = "Exercise"
what = "Exercise."
patient = "Exercise, plainly."
evidence = "moderate"
patient_evidence = "Helps for two months."
source = "clinical-facts.md 4.2"
effect = "77% vs 29%"
follow_up = "8 weeks"
citations = ["smith2020"]

[differential]
pain_location = "a"
below_knee = "b"
neurological_signs = "c"
aggravated_by = "d"
eased_by = "e"
key_test = "f"
typical_patient = "g"

[patient_differential]
pain_location = "a"
below_knee = "b"
neurological_signs = "c"
aggravated_by = "d"
eased_by = "e"
key_test = "f"
typical_patient = "g"
)";
}
}  // namespace

class ContentFolder : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("medius_content_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "conditions");
        write("references.toml", kReferences);
        write("red_flags.toml", kRedFlags);
        known_.structures = {"gluteus_medius_insertion_lateral_r", "iliotibial_band_r"};
        known_.landmarks = {"greater_trochanter_r", "knee_lateral_r"};
    }
    void TearDown() override { fs::remove_all(dir_); }
    void write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name) << text;
    }
    ContentLibrary load() { return loadContent(dir_.string(), known_, sink_); }
    // The first error's text, or "".
    std::string firstError() const {
        for (const auto& d : sink_.all())
            if (d.level == Level::Error) return d.format();
        return "";
    }
    int firstErrorLine() const {
        for (const auto& d : sink_.all())
            if (d.level == Level::Error) return d.line;
        return -1;
    }
    fs::path dir_;
    KnownNames known_;
    DiagnosticSink sink_;
};

TEST_F(ContentFolder, GoodFileLoadsEverything) {
    write("conditions/good.toml", condition("good"));
    const ContentLibrary lib = load();
    EXPECT_FALSE(sink_.hasErrors()) << firstError();
    ASSERT_EQ(lib.conditions.size(), 1u);
    const Condition& c = lib.conditions[0];
    EXPECT_EQ(c.structures.size(), 2u);
    EXPECT_EQ(c.structures[1].role, Role::Compressing);
    ASSERT_EQ(c.painZones.size(), 1u);
    EXPECT_EQ(c.painZones[0].path[0].landmark, "greater_trochanter_r");
    EXPECT_EQ(c.mechanism.size(), 2u);
    ASSERT_EQ(c.tests.size(), 1u);
    EXPECT_FLOAT_EQ(*c.tests[0].specificity, 0.9f);
    // Relief is ranked by evidence: the graded option before expert advice.
    ASSERT_EQ(c.relief.size(), 2u);
    EXPECT_EQ(c.relief[0].name, "Exercise");
    EXPECT_EQ(c.summary.forAudience(Audience::Patient), "Plain summary.");
    EXPECT_EQ(c.summary.forAudience(Audience::Clinician), "Summary.");
    EXPECT_EQ(lib.findReference("smith2020")->citation(),
              "Smith A, Jones B (2020). A trial. BMJ. doi:10.0000/example");
}

TEST_F(ContentFolder, SyntaxErrorNamesFileAndLineAndOthersStillLoad) {
    write("conditions/good.toml", condition("good"));
    write("conditions/broken.toml", "id = \"broken\"\nname = \"Broken\n");
    const ContentLibrary lib = load();
    EXPECT_EQ(lib.conditions.size(), 1u) << "the good file still loads";
    EXPECT_NE(firstError().find("broken.toml:2"), std::string::npos) << firstError();
    EXPECT_NE(firstError().find("syntax"), std::string::npos);
}

TEST_F(ContentFolder, UnknownStructureIdIsAnErrorOnItsLine) {
    std::string text = condition("bad");
    text.replace(text.find("iliotibial_band_r"), 17, "iliotibial_bnd_r");
    write("conditions/bad.toml", text);
    const ContentLibrary lib = load();
    EXPECT_TRUE(lib.conditions.empty());
    EXPECT_NE(firstError().find("unknown structure id 'iliotibial_bnd_r'"), std::string::npos);
    // Line of the id in the file: count lines before it.
    const int expectedLine = 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find("iliotibial_bnd_r"), '\n'));
    EXPECT_EQ(firstErrorLine(), expectedLine);
}

TEST_F(ContentFolder, GradedReliefWithoutCitationIsAnError) {
    std::string text = condition("nocite");
    const auto at = text.find("citations = [\"smith2020\"]\n\n[differential]");
    text.erase(at, std::string("citations = [\"smith2020\"]\n").size());
    write("conditions/nocite.toml", text);
    load();
    EXPECT_NE(firstError().find("graded 'moderate' but has no citation"), std::string::npos) << firstError();
}

TEST_F(ContentFolder, UnknownCitationKeyAndUnknownLandmarkAreErrors) {
    std::string text = condition("keys");
    text.replace(text.find("citations = [\"smith2020\"]"), 25, "citations = [\"nobody1999\"]");
    text.replace(text.find("greater_trochanter_r"), 20, "greater_trochanter_x");
    write("conditions/keys.toml", text);
    load();
    bool citation = false, landmark = false;
    for (const auto& d : sink_.all()) {
        citation |= d.message.find("citation 'nobody1999' is not in references.toml") != std::string::npos;
        landmark |= d.message.find("unknown body landmark 'greater_trochanter_x'") != std::string::npos;
        if (d.level == Level::Error) {
            EXPECT_GT(d.line, 0) << d.format();
        }
    }
    EXPECT_TRUE(citation);
    EXPECT_TRUE(landmark);
}

TEST_F(ContentFolder, DuplicateIdKeepsTheFirstAndReportsTheSecond) {
    write("conditions/a.toml", condition("same"));
    write("conditions/b.toml", condition("same"));
    const ContentLibrary lib = load();
    EXPECT_EQ(lib.conditions.size(), 1u);
    EXPECT_EQ(lib.conditions[0].file, (dir_ / "conditions/a.toml").string());
    EXPECT_NE(firstError().find("duplicate condition id 'same'"), std::string::npos) << firstError();
    EXPECT_NE(firstError().find("b.toml"), std::string::npos);
}

TEST_F(ContentFolder, OutOfRangeAndUnknownValuesAreReported) {
    std::string text = condition("values");
    text.replace(text.find("role = \"compressing\""), 20, "role = \"squashing\"  ");
    text.replace(text.find("intensity = 1.0"), 15, "intensity = 3.0");
    text.replace(text.find("sensitivity = 0.8"), 17, "sensitivity = 80 ");
    text.replace(text.find("view = \"lateral\""), 16, "view = \"sideways\"");
    write("conditions/values.toml", text);
    load();
    std::string all;
    for (const auto& d : sink_.all()) all += d.format() + "\n";
    EXPECT_NE(all.find("role 'squashing' is not one of"), std::string::npos) << all;
    EXPECT_NE(all.find("'intensity' is 3; it must be from 0.05 to 1"), std::string::npos) << all;
    EXPECT_NE(all.find("'sensitivity' is 80"), std::string::npos) << all;
    EXPECT_NE(all.find("view 'sideways'"), std::string::npos) << all;
}

TEST_F(ContentFolder, MissingSectionsAndTyposAreReported) {
    std::string text = condition("gaps");
    text.erase(text.find("[presentation]"), text.find("[[relief]]") - text.find("[presentation]"));
    text.insert(0, "sumary = \"typo\"\n");
    write("conditions/gaps.toml", text);
    const ContentLibrary lib = load();
    EXPECT_TRUE(lib.conditions.empty());
    std::string all;
    for (const auto& d : sink_.all()) all += d.format() + "\n";
    EXPECT_NE(all.find("missing '[presentation]'"), std::string::npos) << all;
    EXPECT_NE(all.find("gaps.toml:1: warning: unknown key 'sumary'"), std::string::npos) << all;
}

TEST_F(ContentFolder, MissingFolderAndFilesDoNotCrash) {
    fs::remove_all(dir_);
    const ContentLibrary lib = load();
    EXPECT_TRUE(lib.conditions.empty());
    EXPECT_NE(firstError().find("content folder not found"), std::string::npos);
    fs::create_directories(dir_);
    sink_.clear();
    load();
    EXPECT_NE(firstError().find("red flags file is missing"), std::string::npos) << firstError();
}

// The project's own content, checked without a scene (names unchecked here; the app test
// checks them against the generated anatomy).
TEST(ProjectContent, LoadsWithoutErrorsAndCoversTheIssueList) {
    DiagnosticSink sink;
    const ContentLibrary lib = loadContent(std::string(MEDIUS_SOURCE_DIR) + "/content", {}, sink);
    for (const auto& d : sink.all()) EXPECT_NE(d.level, Level::Error) << d.format();
    for (const char* id : {"gluteal_tendinopathy", "gluteal_tendon_tear", "trochanteric_bursitis",
                           "gluteus_medius_strain", "gluteal_trigger_points", "l4_radiculopathy",
                           "l5_radiculopathy", "s1_radiculopathy", "lumbar_facet_pain",
                           "sacroiliac_joint_pain", "hip_osteoarthritis", "deep_gluteal_syndrome",
                           "meralgia_paresthetica"})
        EXPECT_NE(lib.findCondition(id), nullptr) << id;
    for (const char* key : {"fracture", "infection", "tumour", "cauda_equina", "avascular_necrosis"})
        EXPECT_NE(lib.findRedFlag(key), nullptr) << key;
    for (const auto& c : lib.conditions) {
        EXPECT_FALSE(c.painZones.empty()) << c.id;
        EXPECT_FALSE(c.relief.empty()) << c.id;
        for (const auto& r : c.relief) {
            // Every option is graded from the fact sheet or says it is not yet reviewed.
            if (r.evidence == EvidenceGrade::NotReviewed) {
                EXPECT_FALSE(r.evidenceNeeded.empty()) << c.id << ": " << r.name;
            } else {
                EXPECT_FALSE(r.source.empty()) << c.id << ": " << r.name;
                EXPECT_FALSE(r.patientEvidence.empty()) << c.id << ": " << r.name;
                if (r.evidence < EvidenceGrade::VeryLow) EXPECT_FALSE(r.citations.empty()) << c.id;
            }
            EXPECT_FALSE(r.what.patient.empty()) << c.id << ": " << r.name;
        }
    }
}

TEST_F(ContentFolder, PostureAdviceNamesAPresetPosture) {
    std::string text = condition("postures");
    const std::string advice =
        "[[posture]]\npose = \"crossed-legs\"\nclinician = \"Adduction compresses.\"\npatient = \"Don't.\"\n\n"
        "[[posture]]\npose = \"cross-legged\"\nclinician = \"c\"\npatient = \"p\"\n\n";
    const auto at = text.find("[differential]");
    text.insert(at, advice);
    write("conditions/postures.toml", text);
    const ContentLibrary lib = load();
    // The unknown posture is an error on its own line, naming the presets; the file is left out.
    const int poseLine = 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find("cross-legged"), '\n'));
    bool reported = false;
    for (const auto& d : sink_.all())
        reported |= d.line == poseLine && d.message.find("pose 'cross-legged' is not a preset posture") != std::string::npos &&
                    d.message.find("crossed-legs") != std::string::npos;
    EXPECT_TRUE(reported) << firstError();
    EXPECT_TRUE(lib.conditions.empty());

    // With the good entry alone it loads, wording for both audiences.
    text.erase(text.find("[[posture]]\npose = \"cross-legged\""), std::string("[[posture]]\npose = \"cross-legged\"\nclinician = \"c\"\npatient = \"p\"\n\n").size());
    write("conditions/postures.toml", text);
    sink_.clear();
    const ContentLibrary good = load();
    EXPECT_FALSE(sink_.hasErrors()) << firstError();
    ASSERT_EQ(good.conditions.size(), 1u);
    ASSERT_EQ(good.conditions[0].postures.size(), 1u);
    EXPECT_EQ(good.conditions[0].postures[0].pose, "crossed-legs");
    EXPECT_EQ(good.conditions[0].postures[0].says.forAudience(Audience::Patient), "Don't.");
}

TEST(ProjectContent, GlutealTendinopathyShowsItsAdviceInPostures) {
    DiagnosticSink sink;
    const ContentLibrary lib = loadContent(std::string(MEDIUS_SOURCE_DIR) + "/content", {}, sink);
    const Condition* c = lib.findCondition("gluteal_tendinopathy");
    ASSERT_TRUE(c);
    std::vector<std::string> poses;
    for (const auto& p : c->postures) poses.push_back(p.pose);
    for (const char* wanted : {"crossed-legs", "hanging-on-hip", "side-lying-other", "side-lying-pillow"})
        EXPECT_NE(std::find(poses.begin(), poses.end(), wanted), poses.end()) << wanted;
    // Their citations are real entries of references.toml.
    for (const auto& p : c->postures)
        for (std::size_t at = p.says.clinician.find('['); at != std::string::npos;
             at = p.says.clinician.find('[', at + 1)) {
            const std::string key = p.says.clinician.substr(at + 1, p.says.clinician.find(']', at) - at - 1);
            EXPECT_NE(lib.findReference(key), nullptr) << key;
        }
}
