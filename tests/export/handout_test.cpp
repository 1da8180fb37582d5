// The patient handout PDF from the shipped content and from made-up long texts, read back
// with poppler's pdfinfo and pdftotext: whole sentences, two A4 pages at most, type never
// under 9 pt, and no clinician figures.
#include "export/handout.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <regex>
#include <sstream>

#include "core/content_loader.hpp"
#include "core/readability.hpp"

using namespace medius;
namespace fs = std::filesystem;

namespace {

bool havePoppler() {
    return std::system(
               "command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") == 0;
}
constexpr const char* kNoPoppler =
    "needs pdftotext and pdfinfo (Debian poppler-utils, installed by scripts/setup.sh)";

std::string commandOutput(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    pclose(pipe);
    return out;
}

// Runs of whitespace (line breaks included) as one space, so text wrapped on the page
// compares with the text as written.
std::string normalised(const std::string& text) {
    std::istringstream in(text);
    std::string word, out;
    while (in >> word) out += (out.empty() ? "" : " ") + word;
    return out;
}

// The citation keys a patient must not see, removed the way a reader would expect.
std::string withoutKeys(const std::string& text) {
    return std::regex_replace(text, std::regex(R"(\s*\[[a-z]+[0-9]{4}[a-z]?\])"), "");
}

// The handout's text in reading order, without what repeats on every page (the footer, the
// "continued" line) or sits beside the flow (the picture's legend), which pdftotext puts
// wherever it falls among the paragraphs.
std::string pdfText(const std::string& pdf, const std::string& name) {
    std::string text = normalised(commandOutput("pdftotext '" + pdf + "' -"));
    const std::string furniture[] = {name + ": patient information", name + " (continued)",
                                     "Where the pain is felt", "Where it can spread (striped)"};
    for (const auto& f : furniture)
        for (std::size_t at; (at = text.find(f + " ")) != std::string::npos;)
            text.erase(at, f.size() + 1);
    return std::regex_replace(text, std::regex(R"(Page \d of \d )"), "");
}

int pdfPages(const std::string& pdf) {
    const std::string info = commandOutput("pdfinfo '" + pdf + "'");
    std::smatch m;
    return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : -1;
}

const ContentLibrary& shippedContent() {
    static const ContentLibrary content = [] {
        DiagnosticSink sink;
        return loadContent(std::string(MEDIUS_SOURCE_DIR) + "/content", {}, sink);
    }();
    return content;
}

// A stand-in for the rendered picture: the layout only needs its size.
Image picture() {
    Image img;
    img.width = 90;
    img.height = 110;
    img.rgba.assign(static_cast<std::size_t>(img.width) * img.height * 4, 200);
    return img;
}

// Set MEDIUS_TEST_PDFS to a folder to keep the handouts the tests wrote there.
std::string tempPdf(const std::string& name) {
    if (const char* dir = std::getenv("MEDIUS_TEST_PDFS"))
        return std::string(dir) + "/" + name + ".pdf";
    return (fs::temp_directory_path() /
            ("medius_handout_" + std::to_string(::getpid()) + "_" + name + ".pdf"))
        .string();
}

// Every patient-facing text of `c`, as the handout should print it.
std::vector<std::string> patientTexts(const Condition& c, const ContentLibrary& content) {
    std::vector<std::string> texts{c.name, withoutKeys(c.summary.forAudience(Audience::Patient))};
    if (!c.pathophysiology.patient.empty()) texts.push_back(withoutKeys(c.pathophysiology.patient));
    for (const auto& r : c.relief) {
        if (!r.comparison) texts.push_back(r.shownName(Audience::Patient));  // a treatment by name
        if (!r.patientEvidence.empty()) texts.push_back(withoutKeys(r.patientEvidence));
        if (!r.what.patient.empty()) texts.push_back(withoutKeys(r.what.patient));
    }
    for (const auto& s : c.selfManagement) texts.push_back(withoutKeys(s));
    for (Urgency u : {Urgency::EmergencyNow, Urgency::WithinDays})
        for (const auto& sentence : redFlagSentences(content, c, u)) texts.push_back(sentence);
    return texts;
}

Condition longCondition(int words) {
    Condition c;
    c.id = "made_up";
    c.name = "A made-up condition";
    std::string summary;
    for (int i = 0; i < words; ++i)
        summary += "word" + std::to_string(i) + (i % 12 == 11 ? ". " : " ");
    c.summary.patient = summary + "The end.";
    ReliefOption rest;
    rest.name = "Rest";
    rest.what.patient = "Resting helps.";
    rest.evidence = EvidenceGrade::Low;
    c.relief.push_back(rest);
    return c;
}

}  // namespace

TEST(Handout, CitationKeysAreTakenOutWithTheSpaceBeforeThem) {
    EXPECT_EQ(withoutCitations("It helps [mellor2018]. Often [cook2009] [cook2016]."),
              "It helps. Often.");
    EXPECT_EQ(withoutCitations("Two keys [smith2020; jones2021a] here"), "Two keys here");
    // Brackets that are not citation keys stay: they are part of what the author wrote.
    EXPECT_EQ(withoutCitations("Grade [K] and [see below]"), "Grade [K] and [see below]");
}

TEST(Handout, EveryShippedConditionIsWholeOnAtMostTwoPagesInReadableType) {
    if (!havePoppler()) GTEST_SKIP() << kNoPoppler;
    const ContentLibrary& content = shippedContent();
    ASSERT_EQ(content.conditions.size(), 14u) << "the shipped conditions";
    for (const auto& c : content.conditions) {
        SCOPED_TRACE(c.id);
        const std::string pdf = tempPdf(c.id);
        HandoutMeasure m;
        ASSERT_EQ(writeHandoutPdf(pdf, c, content, picture(), &m), "");
        std::cout << "[ handout  ] " << c.id << ": " << m.pages << " page(s), body " << m.bodySize
                  << " pt, smallest " << m.smallestSize << " pt\n";
        EXPECT_LE(m.pages, 2);
        EXPECT_GE(m.bodySize, 9.0);
        EXPECT_GE(m.smallestSize, 9.0);
        EXPECT_EQ(pdfPages(pdf), m.pages);
        const std::string text = pdfText(pdf, c.name);
        for (const auto& expected : patientTexts(c, content))
            EXPECT_NE(text.find(normalised(expected)), std::string::npos)
                << "not whole: " << expected;
        // The clinician's effect text is not printed, not even in part.
        for (const auto& r : c.relief) {
            if (r.effect.size() <= 30) continue;
            EXPECT_EQ(text.find(normalised(withoutKeys(r.effect)).substr(0, 30)), std::string::npos)
                << r.effect;
        }
        if (!std::getenv("MEDIUS_TEST_PDFS")) fs::remove(pdf);
    }
}

TEST(Handout, LongTextShrinksTheTypeAndFlowsOntoASecondPage) {
    if (!havePoppler()) GTEST_SKIP() << kNoPoppler;
    const Condition c = longCondition(900);
    const std::string pdf = tempPdf("long");
    HandoutMeasure m;
    ASSERT_EQ(writeHandoutPdf(pdf, c, shippedContent(), picture(), &m), "");
    EXPECT_EQ(m.pages, 2);
    EXPECT_LT(m.bodySize, 11.0) << "the type shrank to fit two pages";
    EXPECT_GE(m.bodySize, 9.0);
    EXPECT_EQ(pdfPages(pdf), 2);
    const std::string text = pdfText(pdf, c.name);
    EXPECT_NE(text.find(normalised(c.summary.patient)), std::string::npos)
        << "the summary is whole";
    // Page 2 starts with the rest of the paragraph at the same margin, under a "continued" line.
    const std::string page2 = commandOutput("pdftotext -f 2 -l 2 '" + pdf + "' -");
    EXPECT_NE(page2.find("A made-up condition (continued)"), std::string::npos) << page2;
    EXPECT_NE(page2.find("word"), std::string::npos);
    if (!std::getenv("MEDIUS_TEST_PDFS")) fs::remove(pdf);
}

TEST(Handout, TextBeyondTwoPagesAtNinePointsStillPrintsWhole) {
    if (!havePoppler()) GTEST_SKIP() << kNoPoppler;
    // No shipped condition comes near this: the promise is that nothing is ever cut.
    const Condition c = longCondition(3000);
    const std::string pdf = tempPdf("very_long");
    HandoutMeasure m;
    ASSERT_EQ(writeHandoutPdf(pdf, c, shippedContent(), picture(), &m), "");
    EXPECT_EQ(m.bodySize, 9.0);
    EXPECT_GT(m.pages, 2);
    EXPECT_NE(pdfText(pdf, c.name).find(normalised(c.summary.patient)), std::string::npos);
    if (!std::getenv("MEDIUS_TEST_PDFS")) fs::remove(pdf);
}

// Issue 16: what a patient reads on paper carries no citation key, statistic, score or
// abbreviation; emergencies come first, in two boxes by urgency; the first-line option leads
// and a comparison arm is only "what happens without treatment".
TEST(Handout, PatientWordsOnlyEmergenciesFirstFirstLineLeads) {
    const ContentLibrary& content = shippedContent();
    ASSERT_FALSE(content.conditions.empty());
    for (const auto& c : content.conditions) {
        SCOPED_TRACE(c.id);
        const std::string pdf = tempPdf("words_" + c.id);
        HandoutMeasure m;
        ASSERT_EQ(writeHandoutPdf(pdf, c, content, picture(), &m), "");
        fs::remove(pdf);
        std::istringstream lines(m.text);
        for (std::string line; std::getline(lines, line);) {
            // The condition's own name is what it is called (e.g. "L5 radiculopathy").
            for (std::size_t at; (at = line.find(c.name)) != std::string::npos;) line.erase(at, c.name.size());
            if (line.rfind("Made with Medius", 0) == 0) continue;  // the sources line names authors
            EXPECT_EQ(clinicianOnlyTerm(line), "") << line;
        }
        const std::string text = normalised(m.text);
        const auto emergency = text.find("Go to an emergency department now if");
        const auto days = text.find("See a doctor within days if");
        const auto going = text.find("What is going on");
        if (!redFlagSentences(content, c, Urgency::EmergencyNow).empty()) {
            EXPECT_NE(emergency, std::string::npos);
            EXPECT_LT(emergency, going);
        }
        if (!redFlagSentences(content, c, Urgency::WithinDays).empty()) {
            EXPECT_NE(days, std::string::npos);
            EXPECT_LT(days, going);
        }
        const auto offered = offeredRelief(c);
        ASSERT_FALSE(offered.empty());
        for (const ReliefOption* r : offered) EXPECT_FALSE(r->comparison);
        for (const auto& r : c.relief)
            if (r.firstLine) EXPECT_TRUE(offered.front()->firstLine) << "a first-line option leads";
        for (const ReliefOption* r : withoutTreatment(c)) {
            const auto without = text.find("What happens without treatment");
            EXPECT_NE(without, std::string::npos);
            EXPECT_GT(text.find(normalised(r->what.patient)), without);
        }
    }
    // The tear handout: exercise, not the injection, leads.
    const Condition* tear = content.findCondition("gluteal_tendon_tear");
    ASSERT_NE(tear, nullptr);
    EXPECT_EQ(offeredRelief(*tear).front()->name, "Education plus progressive loading exercise");
}
