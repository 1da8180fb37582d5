// Issue 16: Medius's own Flesch-Kincaid grade, checked on sentences counted by hand, and the
// shipped patient wording checked with it: plain, safe and graded in time.
#include "core/readability.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/condition.hpp"
#include "core/content_loader.hpp"

using namespace medius;

TEST(Readability, CountsSyllablesWithTheVowelGroupRule) {
    EXPECT_EQ(syllableCount("cat"), 1);
    EXPECT_EQ(syllableCount("make"), 1);     // silent final e
    EXPECT_EQ(syllableCount("table"), 2);    // -le keeps its syllable
    EXPECT_EQ(syllableCount("walked"), 1);   // silent -ed
    EXPECT_EQ(syllableCount("needed"), 2);   // -ded is spoken
    EXPECT_EQ(syllableCount("banana"), 3);
    EXPECT_EQ(syllableCount("tendon"), 2);
    EXPECT_EQ(syllableCount("strength"), 1);
    EXPECT_EQ(syllableCount("exercise"), 3);
    EXPECT_EQ(syllableCount("Tendon,"), 2);  // case and punctuation do not count
}

TEST(Readability, SplitsSentencesButNotNumbers) {
    EXPECT_EQ(splitSentences("It hurts. Rest it! Why? Because 2.5 is a number.").size(), 4u);
    const TextCounts n = countText("The tendon is sore. Rest it.");
    EXPECT_EQ(n.sentences, 2);
    EXPECT_EQ(n.words, 6);
    EXPECT_EQ(n.syllables, 7);
}

TEST(Readability, FleschKincaidGradeOfKnownSentences) {
    // 6 words, 6 syllables, 1 sentence: 0.39 * 6 + 11.8 * 1 - 15.59 = -1.45.
    EXPECT_NEAR(fleschKincaidGrade("The cat sat on the mat."), -1.45, 1e-9);
    // 6 words, 7 syllables, 2 sentences: 0.39 * 3 + 11.8 * 7 / 6 - 15.59.
    EXPECT_NEAR(fleschKincaidGrade("The tendon is sore. Rest it."), 0.39 * 3 + 11.8 * 7 / 6 - 15.59, 1e-9);
    // The old cauda equina sentence (one sentence of 40 words) reads far above grade 8.
    EXPECT_GT(fleschKincaidGrade(
                  "If you have back or buttock pain and you notice numbness between your legs or around "
                  "your bottom, new trouble with your bladder or bowels, or legs that are getting weaker, "
                  "go to an emergency department at once."),
              12.0);
    EXPECT_EQ(fleschKincaidGrade(""), 0.0);
}

TEST(Readability, FindsClinicianOnlyTerms) {
    EXPECT_NE(clinicianOnlyTerm("It helps [brinks2011]."), "");
    EXPECT_NE(clinicianOnlyTerm("NNT 5 at 3 months"), "");
    EXPECT_NE(clinicianOnlyTerm("better (p = 0.048)"), "");
    EXPECT_NE(clinicianOnlyTerm("77% success"), "");
    EXPECT_NE(clinicianOnlyTerm("Modified Harris Hip Score"), "");
    EXPECT_NE(clinicianOnlyTerm("radial shockwave (ESWT)"), "");
    EXPECT_NE(clinicianOnlyTerm("the L5 root"), "");
    EXPECT_EQ(clinicianOnlyTerm("Helps for a few weeks; no better than waiting by a year."), "");
}

namespace {
const ContentLibrary& shipped() {
    static const ContentLibrary content = [] {
        DiagnosticSink sink;
        return loadContent(std::string(MEDIUS_SOURCE_DIR) + "/content", {}, sink);
    }();
    return content;
}
}  // namespace

// Every patient-facing field the loader read (summaries, steps, relief, evidence words,
// structure names, synonyms, compare answers, self-management, postures, red-flag sentences).
TEST(PatientWording, NoCitationKeyStatisticScoreOrAbbreviation) {
    const ContentLibrary& content = shipped();
    ASSERT_GT(content.patientTexts.size(), 200u);
    for (const auto& t : content.patientTexts)
        EXPECT_EQ(clinicianOnlyTerm(t.text), "") << t.file << ":" << t.line << ": " << t.what << ": " << t.text;
}

TEST(PatientWording, ReadsAtGradeEightOrBelow) {
    const ContentLibrary& content = shipped();
    const auto graded = gradePatientTexts(content);
    ASSERT_GT(graded.size(), 50u);
    std::vector<double> grades;
    for (const auto& g : graded) {
        grades.push_back(g.grade);
        EXPECT_LE(g.grade, kMaxPatientGrade)
            << g.text->file << ":" << g.text->line << ": grade " << g.grade << ": " << g.text->text;
    }
    std::sort(grades.begin(), grades.end());
    std::printf("[ FK grade ] %zu patient texts: median %.1f, worst %.1f\n", grades.size(),
                grades[grades.size() / 2], grades.back());
}

TEST(PatientWording, RedFlagsAreSplitByUrgency) {
    const ContentLibrary& content = shipped();
    const auto has = [&](const char* key, Urgency u) {
        const RedFlag* f = content.findRedFlag(key);
        return f && !(u == Urgency::EmergencyNow ? f->patientNow : f->patientDays).empty();
    };
    EXPECT_TRUE(has("cauda_equina", Urgency::EmergencyNow));
    EXPECT_TRUE(has("infection", Urgency::EmergencyNow));
    EXPECT_TRUE(has("fracture", Urgency::EmergencyNow));   // a fall, then unable to bear weight
    EXPECT_TRUE(has("fracture", Urgency::WithinDays));     // a runner's groin pain on loading
    EXPECT_TRUE(has("tumour", Urgency::WithinDays));       // night pain and weight loss
    EXPECT_FALSE(has("tumour", Urgency::EmergencyNow));
    for (const auto& c : content.conditions)
        if (!c.redFlags.empty())
            EXPECT_FALSE(redFlagSentences(content, c, Urgency::EmergencyNow).empty() &&
                         redFlagSentences(content, c, Urgency::WithinDays).empty())
                << c.id;
}

TEST(PatientWording, BursaInTendinopathyMayReactAndWaitAndSeeIsNotATreatment) {
    const ContentLibrary& content = shipped();
    const Condition* gt = content.findCondition("gluteal_tendinopathy");
    ASSERT_NE(gt, nullptr);
    int bursae = 0;
    for (const auto& s : gt->structures)
        if (s.id.find("bursa") != std::string::npos) {
            ++bursae;
            EXPECT_EQ(s.role, Role::MayReact) << s.id;
        }
    EXPECT_EQ(bursae, 2);
    const auto offered = offeredRelief(*gt);
    EXPECT_TRUE(offered.front()->firstLine);
    for (const ReliefOption* r : offered) EXPECT_EQ(r->name.find("Wait and see"), std::string::npos);
    ASSERT_EQ(withoutTreatment(*gt).size(), 1u);
    // The injection's words carry time: a few weeks, and no better by a year.
    for (const ReliefOption* r : offered)
        if (r->name == "Corticosteroid injection") {
            EXPECT_NE(r->patientEvidence.find("few weeks"), std::string::npos);
            EXPECT_NE(r->patientEvidence.find("year"), std::string::npos);
        }
    EXPECT_STRNE(roleLabel(Role::MayReact), roleLabel(Role::PainSource));
}
