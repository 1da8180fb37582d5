#include "core/structure_info.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace medius;

namespace {

std::string writeTemp(const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("medius_info_" + std::to_string(::getpid()) + ".toml");
    std::ofstream(path) << text;
    return path.string();
}

bool hasMessage(const DiagnosticSink& sink, int line, const std::string& text) {
    for (const auto& d : sink.all())
        if (d.line == line && d.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(StructureInfo, ShippedCardsLoadCleanlyWithMusclesComplete) {
    DiagnosticSink sink;
    StructureInfoTable table;
    table.load(std::string(MEDIUS_SOURCE_DIR) + "/content/anatomy/structure_info.toml", sink);
    EXPECT_EQ(sink.all().size(), 0u) << sink.all().front().format();
    EXPECT_GE(table.size(), 30u);
    const StructureInfo* gmed = table.find("gluteus_medius_middle_r");
    ASSERT_TRUE(gmed);
    EXPECT_TRUE(gmed->isMuscleEntry());
    EXPECT_FALSE(gmed->innervation.empty());
    // FMA ids where a source pairs them with the name (see the file's header).
    EXPECT_EQ(gmed->fma, 22315);
    EXPECT_NE(gmed->fmaConcept.find("whole muscle"), std::string::npos);
    EXPECT_EQ(table.find("gluteus_minimus_l")->fma, 22317);
    EXPECT_EQ(table.find("femur_r")->fma, 9611);
    EXPECT_TRUE(table.find("femur_r")->fmaConcept.empty());
    // No verified id for the bursae: none is shown rather than a guess.
    ASSERT_TRUE(table.find("subgluteus_maximus_bursa_r"));
    EXPECT_EQ(table.find("subgluteus_maximus_bursa_r")->fma, 0);
}

TEST(StructureInfo, MistakesAreReportedWithTheirLine) {
    const std::string path = writeTemp(
        "[gluteus_minimus]\n"                         // 1
        "region = \"Buttock\"\n"                      // 2
        "description = \"Deepest gluteal muscle\"\n"  // 3
        "origin = \"Ilium\"\n"                        // 4
        "[femur]\n"                                   // 5
        "region = \"Lower limb\"\n"                   // 6
        "description = \"Thigh bone\"\n"              // 7
        "fma_concept = \"bone\"\n"                    // 8
        "[sacrum]\n"                                  // 9
        "region = \"Pelvis\"\n"                       // 10
        "description = \"Fused vertebrae\"\n"         // 11
        "fma = -4\n"                                  // 12
        "colour = \"white\"\n");                      // 13
    DiagnosticSink sink;
    StructureInfoTable table;
    table.load(path, sink);
    EXPECT_TRUE(hasMessage(sink, 1, "a muscle needs origin, insertion"));
    EXPECT_TRUE(hasMessage(sink, 8, "'fma_concept' needs an 'fma' id"));
    EXPECT_TRUE(hasMessage(sink, 12, "'fma' is -4"));
    EXPECT_TRUE(hasMessage(sink, 13, "unknown key 'colour'"));
    EXPECT_EQ(table.size(), 0u) << "entries with errors are left out";
    std::filesystem::remove(path);
}
