#include <gtest/gtest.h>

#include "core/label_layout.hpp"

using namespace medius;

namespace {
bool overlap(const PlacedLabel& a, const PlacedLabel& b) {
    return a.topLeft.x < b.topLeft.x + b.size.x && b.topLeft.x < a.topLeft.x + a.size.x &&
           a.topLeft.y < b.topLeft.y + b.size.y && b.topLeft.y < a.topLeft.y + a.size.y;
}
}  // namespace

TEST(LabelLayout, CrowdedAnchorsNeverOverlapAndStayInTheArea) {
    LabelArea area{{0, 0}, {800, 600}, 4, 10};
    std::vector<LabelRequest> requests;
    // Twelve labels whose anchors all sit within a few pixels of each other.
    for (int i = 0; i < 12; ++i)
        requests.push_back({"label " + std::to_string(i), {300.0f + (i % 2) * 250.0f, 280.0f + i}, {120, 20}});
    const auto placed = layoutLabels(requests, area);
    ASSERT_EQ(placed.size(), requests.size());
    for (std::size_t i = 0; i < placed.size(); ++i) {
        EXPECT_GE(placed[i].topLeft.y, area.min.y);
        EXPECT_LE(placed[i].topLeft.y + placed[i].size.y, area.max.y);
        EXPECT_GE(placed[i].topLeft.x, area.min.x);
        EXPECT_LE(placed[i].topLeft.x + placed[i].size.x, area.max.x);
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            EXPECT_FALSE(overlap(placed[i], placed[j])) << placed[i].text << " / " << placed[j].text;
    }
}

TEST(LabelLayout, LabelsGoToTheirAnchorsSideAndKeepTheirOrder) {
    LabelArea area{{0, 0}, {1000, 800}, 4, 10};
    const auto placed = layoutLabels({{"high left", {100, 100}, {80, 20}},
                                      {"low left", {200, 600}, {80, 20}},
                                      {"right", {900, 300}, {60, 20}}},
                                     area);
    for (const auto& p : placed) {
        if (p.text == "right") {
            EXPECT_TRUE(p.rightSide);
            EXPECT_FLOAT_EQ(p.topLeft.x, 1000 - 10 - 60);
            EXPECT_NEAR(p.topLeft.y + 10, 300, 0.01) << "an uncrowded label centres on its anchor";
        } else {
            EXPECT_FALSE(p.rightSide);
            EXPECT_FLOAT_EQ(p.topLeft.x, 10);
        }
    }
    EXPECT_LT(placed[0].topLeft.y, placed[1].topLeft.y) << "order of heights kept";
}

TEST(LabelLayout, TooManyForTheColumnPackFromTheBottomUp) {
    LabelArea area{{0, 0}, {400, 100}, 0, 0};
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 4; ++i) requests.push_back({std::to_string(i), {10.0f, 95.0f}, {50, 25}});
    const auto placed = layoutLabels(requests, area);
    for (std::size_t i = 0; i < placed.size(); ++i)
        for (std::size_t j = i + 1; j < placed.size(); ++j) EXPECT_FALSE(overlap(placed[i], placed[j]));
    EXPECT_LE(placed.back().topLeft.y + 25, 100.0f);
}

TEST(LabelLayout, LongLabelsFromBothColumnsDoNotCrossInTheMiddle) {
    LabelArea area{{0, 0}, {600, 800}, 4, 10};
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 8; ++i)
        requests.push_back({"a long anatomical name " + std::to_string(i), {290.0f + (i % 2) * 20.0f, 300.0f + 3 * i}, {400, 20}});
    const auto placed = layoutLabels(requests, area);
    for (std::size_t i = 0; i < placed.size(); ++i)
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            EXPECT_FALSE(overlap(placed[i], placed[j])) << placed[i].text << " / " << placed[j].text;
}
