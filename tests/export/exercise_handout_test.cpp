// Issue 15: the handout's exercise page, read back with poppler: three exercises with their
// names, dosages and whole instructions, nothing cut (no ellipsis), on at most two pages.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>

#include "core/content_loader.hpp"
#include "core/exercise.hpp"
#include "export/handout.hpp"

using namespace medius;
namespace fs = std::filesystem;

namespace {

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

std::string normalised(const std::string& text) {
    std::istringstream in(text);
    std::string word, out;
    while (in >> word) out += (out.empty() ? "" : " ") + word;
    return out;
}

Image standIn(int width, int height) {
    Image img;
    img.width = width;
    img.height = height;
    img.rgba.assign(static_cast<std::size_t>(width) * height * 4, 210);
    return img;
}

HandoutExercise entryFor(const Exercise& e) {
    HandoutExercise h;
    h.name = e.patientName;
    h.dosage = e.dosageText();
    h.instructions = e.patientInstructions;
    for (const auto& c : e.cautions) h.cautions.push_back(c.patient);
    h.start = standIn(80, 60);
    h.end = standIn(80, 60);
    return h;
}

}  // namespace

TEST(ExerciseHandout, ThreeExercisesWholeWithNamesAndDosagesOnOnePage) {
    if (std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") !=
        0)
        GTEST_SKIP() << "needs pdftotext and pdfinfo (poppler-utils)";
    DiagnosticSink sink;
    const ContentLibrary content =
        loadContent(std::string(MEDIUS_SOURCE_DIR) + "/content", {}, sink);
    const Condition* c = content.findCondition("gluteal_tendinopathy");
    ASSERT_TRUE(c);
    ASSERT_TRUE(content.exercises);
    std::vector<HandoutExercise> page;
    for (const char* id : {"isometric_abduction_standing", "bridge", "side_lying_abduction"}) {
        const Exercise* e = findExercise(*content.exercises, id);
        ASSERT_TRUE(e) << id;
        page.push_back(entryFor(*e));
    }
    const std::string pdf = (fs::temp_directory_path() /
                             ("medius_exercise_handout_" + std::to_string(::getpid()) + ".pdf"))
                                .string();
    HandoutMeasure plain, with;
    ASSERT_EQ(writeHandoutPdf(pdf, *c, content, standIn(90, 110), &plain), "");
    ASSERT_EQ(writeHandoutPdf(pdf, *c, content, standIn(90, 110), &with, page), "");
    std::printf("condition pages %d, with exercises %d (%d exercise pages)\n", plain.pages,
                with.pages, with.exercisePages);
    EXPECT_EQ(with.pages - with.exercisePages, plain.pages)
        << "the condition's pages are unchanged";
    EXPECT_GE(with.exercisePages, 1);
    EXPECT_LE(with.exercisePages, 2) << "the exercise page fits two pages";
    EXPECT_EQ(with.exercisePages, 1) << "three exercises take one page";
    const std::string info = commandOutput("pdfinfo '" + pdf + "'");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))"))) << info;
    EXPECT_EQ(std::stoi(m[1]), with.pages) << info;
    const std::string text = normalised(commandOutput("pdftotext '" + pdf + "' -"));
    EXPECT_NE(text.find("Your exercises"), std::string::npos);
    for (const auto& e : page) {
        EXPECT_NE(text.find(e.name), std::string::npos) << e.name;
        EXPECT_NE(text.find(e.dosage), std::string::npos) << e.dosage;
        EXPECT_NE(text.find(normalised(e.instructions)), std::string::npos)
            << "whole: " << e.instructions;
        for (const auto& caution : e.cautions)
            EXPECT_NE(text.find(normalised(caution)), std::string::npos) << caution;
    }
    EXPECT_EQ(text.find("\xE2\x80\xA6"), std::string::npos) << "no ellipsis";
    EXPECT_EQ(text.find("..."), std::string::npos) << "no ellipsis";
    EXPECT_GE(with.smallestSize, 9.0) << "type never under 9 pt";
    fs::remove(pdf);
}
