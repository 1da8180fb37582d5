// Checks the PNG that the Xvfb window test (app_window_e2e_xvfb) saved: the real window drew
// the scene and the UI.
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/image.hpp"

namespace {
int maxChannelDifference(const std::uint8_t* a, const std::uint8_t* b) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(a[c] - b[c]));
    return d;
}
}  // namespace

TEST(WindowCapture, RealWindowDrewSceneAndUi) {
    const char* path = std::getenv("MEDIUS_WINDOW_CAPTURE");
    ASSERT_NE(path, nullptr) << "MEDIUS_WINDOW_CAPTURE must name the frame app_window_e2e_xvfb saved";
    medius::Image img;
    ASSERT_EQ(medius::readPng(path, img), "") << "the window test did not save its frame";
    ASSERT_GT(img.width, 200);
    // The menu bar along the top is ImGui's dark grey, unlike the scene's gradient below it.
    const auto* menu = img.pixel(img.width / 2, 4);
    const auto* belowMenu = img.pixel(img.width / 2, img.height / 8);
    EXPECT_GT(maxChannelDifference(menu, belowMenu), 10);
    // The model fills much of the middle of the window: many pixels there differ from the
    // background colour at the right margin of the same row band.
    int differing = 0, total = 0;
    for (int y = img.height / 4; y < img.height * 3 / 4; y += 4)
        for (int x = img.width * 3 / 8; x < img.width * 5 / 8; x += 4, ++total)
            if (maxChannelDifference(img.pixel(x, y), img.pixel(img.width - 5, y)) > 20) ++differing;
    EXPECT_GT(differing, total / 5) << differing << " of " << total << " sampled pixels show the model";
}
