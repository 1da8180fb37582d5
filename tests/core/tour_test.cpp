#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/tour.hpp"

using namespace medius;
namespace fs = std::filesystem;

namespace {
const char* kTour = R"(id = "t"
title = "A tour"
[[step]]
caption = "First"
view = "lateral"
layers = ["bone", "tendon"]
labels = ["femur_r"]
hide = ["sacrum"]
[[step]]
caption = "Second"
condition = "gluteal_tendinopathy"
section = "coronal"
section_offset = -62.5
xray = true
audience = "patient"
strokes = [[[0.1, 0.1], [0.2, 0.3]]]
notes = [{ at = [1.0, 2.0, 3.0], text = "here" }]
[step.camera]
target = [1.0, 2.0, 3.0]
distance = 400.0
yaw = 1.5
pitch = 0.25
)";
TourNames names() { return {{"femur_r", "sacrum"}, {"gluteal_tendinopathy"}}; }
}  // namespace

TEST(Tour, ParsesStepsAndRoundTrips) {
    DiagnosticSink sink;
    const auto tour = parseTour(kTour, "t.toml", names(), sink);
    ASSERT_TRUE(tour) << (sink.all().empty() ? "" : sink.all()[0].format());
    ASSERT_EQ(tour->steps.size(), 2u);
    EXPECT_EQ(tour->steps[0].view, "lateral");
    ASSERT_TRUE(tour->steps[0].layers);
    EXPECT_EQ(tour->steps[0].layers->size(), 2u);
    EXPECT_EQ(tour->steps[0].hide, std::vector<std::string>{"sacrum"});
    EXPECT_EQ(tour->steps[1].section, "coronal");
    EXPECT_FLOAT_EQ(tour->steps[1].sectionOffset, -62.5f);
    ASSERT_TRUE(tour->steps[1].camera);
    EXPECT_FLOAT_EQ(tour->steps[1].camera->distance, 400.0f);
    const auto again = parseTour(serializeTour(*tour), "again.toml", names(), sink);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->steps.size(), 2u);
    EXPECT_EQ(again->steps[1].caption, "Second");
    EXPECT_EQ(again->steps[1].camera->target, glm::vec3(1, 2, 3));
    EXPECT_TRUE(again->steps[1].xray);
    EXPECT_EQ(again->steps[1].audience, "patient");
    ASSERT_EQ(again->steps[1].annotations.notes.size(), 1u);
    EXPECT_EQ(again->steps[1].annotations.notes[0].text, "here");
    ASSERT_EQ(again->steps[1].annotations.strokes.size(), 1u);
    EXPECT_EQ(again->steps[1].annotations.strokes[0].size(), 2u);
    EXPECT_FALSE(sink.hasErrors());
}

TEST(Tour, BadFilesAreReportedWithLines) {
    const std::pair<const char*, const char*> cases[] = {
        {"id = \"x\"\ntitle = \"x\"\n[[step]]\ncaption = \"a\"\nview = \"sideways\"\n", "view 'sideways'"},
        {"id = \"x\"\ntitle = \"x\"\n[[step]]\ncaption = \"a\"\nlabels = [\"nope_r\"]\n", "unknown structure id 'nope_r'"},
        {"id = \"x\"\ntitle = \"x\"\n[[step]]\ncaption = \"a\"\ncondition = \"flu\"\n", "unknown condition 'flu'"},
        {"id = \"x\"\ntitle = \"x\"\n[[step]]\nview = \"lateral\"\n", "missing 'caption'"},
        {"id = \"x\"\ntitle = \"x\n", "syntax"},
        {"id = \"x\"\ntitle = \"x\"\n", "missing '[[step]]'"},
    };
    for (const auto& [text, expected] : cases) {
        DiagnosticSink sink;
        EXPECT_FALSE(parseTour(text, "bad.toml", names(), sink)) << expected;
        std::string all;
        for (const auto& d : sink.all()) all += d.format() + "\n";
        EXPECT_NE(all.find(expected), std::string::npos) << all;
        EXPECT_NE(all.find("bad.toml:"), std::string::npos) << "file and line: " << all;
    }
}

TEST(Tour, ShippedToursLoad) {
    DiagnosticSink sink;
    const auto tours = loadTours({std::string(MEDIUS_SOURCE_DIR) + "/content/tours"}, {}, sink);
    for (const auto& d : sink.all()) EXPECT_NE(d.level, Level::Error) << d.format();
    ASSERT_GE(tours.size(), 2u);
    for (const auto& t : tours) EXPECT_GE(t.steps.size(), 5u) << t.id;
}
