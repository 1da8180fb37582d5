// The docked layout (core/panel_layout) and the labels placed in its viewport, for the
// window sizes, themes and UI scales Medius is used at.
#include "core/panel_layout.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/label_layout.hpp"

using namespace medius;

namespace {
struct Case {
    glm::vec2 window;
    bool projector;
    float scale;
    bool leftOpen, rightOpen;
};

// The sizes the app's style gives (app/ui_style.cpp): 16 px type, 30% larger for the
// projector, frame padding of 3 px a side, all times the UI scale.
LayoutMetrics metricsFor(const Case& c) {
    LayoutMetrics m;
    m.window = c.window;
    m.fontSize = 16.0f * c.scale * (c.projector ? 1.3f : 1.0f);
    m.menuBarHeight = m.fontSize + 6.0f * c.scale;
    m.statusBarHeight = m.menuBarHeight;
    return m;
}

std::vector<Case> everyCase() {
    std::vector<Case> cases;
    for (glm::vec2 w : {glm::vec2(1280, 720), glm::vec2(1600, 1000), glm::vec2(1920, 1080),
                        glm::vec2(3840, 2160)})
        for (bool projector : {false, true})
            for (float scale : {1.0f, 1.25f, 1.5f, 1.75f, 2.0f})
                for (int open = 0; open < 4; ++open)
                    cases.push_back({w, projector, scale, (open & 1) != 0, (open & 2) != 0});
    return cases;
}

std::string describe(const Case& c) {
    return std::to_string(int(c.window.x)) + "x" + std::to_string(int(c.window.y)) +
           (c.projector ? " projector" : " dark") + " scale " + std::to_string(c.scale) +
           (c.leftOpen ? " left open" : " left collapsed") +
           (c.rightOpen ? ", right open" : ", right collapsed");
}

bool overlap(const PlacedLabel& a, const PlacedLabel& b) {
    return a.topLeft.x < b.topLeft.x + b.size.x && b.topLeft.x < a.topLeft.x + a.size.x &&
           a.topLeft.y < b.topLeft.y + b.size.y && b.topLeft.y < a.topLeft.y + a.size.y;
}
}  // namespace

TEST(PanelLayout, NoPanelIntersectsTheViewportAtAnySizeThemeOrScale) {
    for (const Case& c : everyCase()) {
        SidebarChoice choice;
        choice.leftOpen = c.leftOpen;
        choice.rightOpen = c.rightOpen;
        const PanelLayout layout = computePanelLayout(metricsFor(c), choice);
        const ScreenRect window{0, 0, c.window.x, c.window.y};
        EXPECT_FALSE(layout.viewport.empty()) << describe(c);
        EXPECT_TRUE(window.contains(layout.viewport)) << describe(c);
        for (const ScreenRect& panel : layout.panels()) {
            EXPECT_FALSE(panel.intersects(layout.viewport)) << describe(c);
            EXPECT_TRUE(window.contains(panel)) << describe(c);
        }
        // Sidebars, bars and viewport tile the window: nothing is left uncovered.
        float area = layout.viewport.area();
        for (const ScreenRect& panel : layout.panels()) area += panel.area();
        EXPECT_NEAR(area, window.area(), 1.0f) << describe(c);
        // The viewport keeps at least half the window's width and area, sidebars open or not.
        EXPECT_GE(layout.viewport.width, c.window.x * 0.5f - 1.0f) << describe(c);
        EXPECT_GE(layout.viewport.area(), window.area() * 0.5f - c.window.y) << describe(c);
        ASSERT_EQ(layout.views.size(), 1u);
        EXPECT_TRUE(layout.views[0].contains(layout.viewport) &&
                    layout.viewport.contains(layout.views[0]));
    }
}

TEST(PanelLayout, BothSidebarsOpenLeaveHalfThe1600x1000WindowToTheModel) {
    for (bool projector : {false, true})
        for (float scale : {1.0f, 1.5f, 2.0f}) {
            const Case c{{1600, 1000}, projector, scale, true, true};
            const PanelLayout layout = computePanelLayout(metricsFor(c), SidebarChoice{});
            EXPECT_GE(layout.viewport.area(), 0.5f * 1600 * 1000 - 1.0f) << describe(c);
            EXPECT_GE(layout.viewport.width, 800.0f) << describe(c);
            EXPECT_GT(layout.leftSidebar.width, 150.0f) << describe(c);
            EXPECT_GT(layout.rightSidebar.width, 150.0f) << describe(c);
        }
    // Asked for the widest sidebars: they still leave half of the width.
    SidebarChoice wide;
    wide.leftWidthEm = wide.rightWidthEm = kMaxSidebarEm;
    const PanelLayout layout =
        computePanelLayout(metricsFor({{1600, 1000}, false, 1.0f, true, true}), wide);
    EXPECT_GE(layout.viewport.width, 800.0f);
}

TEST(PanelLayout, CollapsingASidebarGivesItsRoomToTheViewport) {
    // Wide enough that the open sidebars get the widths asked for.
    const LayoutMetrics m = metricsFor({{1920, 1080}, false, 1.0f, true, true});
    SidebarChoice open, leftClosed;
    leftClosed.leftOpen = false;
    const PanelLayout a = computePanelLayout(m, open), b = computePanelLayout(m, leftClosed);
    EXPECT_LT(b.viewport.x, a.viewport.x);
    EXPECT_EQ(b.viewport.right(), a.viewport.right());
    EXPECT_GT(b.leftSidebar.width, 0.0f) << "a collapsed sidebar keeps a strip with its button";
    EXPECT_LT(b.leftSidebar.width, 2.0f * m.fontSize + 1.0f);
}

TEST(PanelLayout, WidthsFollowTheUiScaleAndStayWithinLimits) {
    SidebarChoice choice;
    choice.leftWidthEm = 20.0f;
    const PanelLayout small =
        computePanelLayout(metricsFor({{3840, 2160}, false, 1.0f, true, true}), choice);
    const PanelLayout large =
        computePanelLayout(metricsFor({{3840, 2160}, false, 2.0f, true, true}), choice);
    EXPECT_FLOAT_EQ(small.leftSidebar.width, 320.0f);
    EXPECT_FLOAT_EQ(large.leftSidebar.width, 640.0f) << "widths are in ems";
    choice.leftWidthEm = 1.0f;  // below the minimum: held at it
    EXPECT_FLOAT_EQ(computePanelLayout(metricsFor({{3840, 2160}, false, 1.0f, true, true}), choice)
                        .leftSidebar.width,
                    kMinSidebarEm * 16.0f);
}

TEST(PanelLayout, HiddenPanelsGiveTheWholeWindowToTheModel) {
    SidebarChoice hidden;
    hidden.panelsHidden = true;
    const PanelLayout layout =
        computePanelLayout(metricsFor({{1920, 1080}, true, 1.5f, true, true}), hidden);
    EXPECT_EQ(layout.viewport.x, 0.0f);
    EXPECT_EQ(layout.viewport.y, 0.0f);
    EXPECT_EQ(layout.viewport.width, 1920.0f);
    EXPECT_EQ(layout.viewport.height, 1080.0f);
    EXPECT_TRUE(layout.panels().empty());
}

TEST(PanelLayout, ATourCaptionIsABandUnderTheViewNotOverIt) {
    LayoutMetrics m = metricsFor({{1600, 1000}, false, 1.0f, true, true});
    m.captionHeight = 90.0f;
    const PanelLayout layout = computePanelLayout(m, SidebarChoice{});
    EXPECT_FLOAT_EQ(layout.caption.height, 90.0f);
    EXPECT_FALSE(layout.caption.intersects(layout.viewport));
    EXPECT_FLOAT_EQ(layout.caption.x, layout.viewport.x);
    EXPECT_FLOAT_EQ(layout.caption.width, layout.viewport.width);
    EXPECT_FLOAT_EQ(layout.caption.y, layout.viewport.bottom());
}

TEST(PanelLayout, AComparisonSplitsTheViewportIntoTwoTouchingViews) {
    const PanelLayout layout =
        computePanelLayout(metricsFor({{1601, 1000}, false, 1.0f, true, true}), SidebarChoice{}, 2);
    ASSERT_EQ(layout.views.size(), 2u);
    EXPECT_FLOAT_EQ(layout.views[0].x, layout.viewport.x);
    EXPECT_FLOAT_EQ(layout.views[0].right(), layout.views[1].x);
    EXPECT_FLOAT_EQ(layout.views[1].right(), layout.viewport.right());
    EXPECT_NEAR(layout.views[0].width, layout.views[1].width, 1.0f);
    EXPECT_FALSE(layout.views[0].intersects(layout.views[1]));
}

// Every label lies inside the viewport and none overlap, at every size, theme and scale,
// however many structures ask for one; those that do not fit are counted, not drawn over.
TEST(PanelLayout, LabelsStayInsideTheViewportAndNeverOverlap) {
    std::mt19937 random(7);
    for (const Case& c : everyCase()) {
        const LayoutMetrics m = metricsFor(c);
        const PanelLayout layout = computePanelLayout(m, SidebarChoice{c.leftOpen, c.rightOpen});
        const ScreenRect& view = layout.viewport;
        for (int count : {3, 12, 40}) {
            std::uniform_real_distribution<float> x(view.x, view.right() - 1),
                y(view.y, view.bottom() - 1);
            // Three names as long as most structure names always fit; crowds of long ones may not.
            std::uniform_int_distribution<int> length(6, count == 3 ? 20 : 48);
            std::vector<LabelRequest> requests;
            for (int i = 0; i < count; ++i) {
                // About 0.55 em a character, as DejaVu Sans sets them, and the box's padding.
                const float w = length(random) * 0.55f * m.fontSize + 0.5f * m.fontSize;
                requests.push_back(
                    {"label " + std::to_string(i), {x(random), y(random)}, {w, 1.5f * m.fontSize}});
            }
            const glm::vec2 note(5.0f * m.fontSize, 1.5f * m.fontSize);
            const LabelPlacement placed =
                placeLabels(requests, labelAreaInView(view.min(), view.size(), m.fontSize), note);
            EXPECT_EQ(placed.labels.size() + placed.dropped, requests.size()) << describe(c);
            if (count == 3)
                EXPECT_EQ(placed.dropped, 0) << describe(c) << ": three labels always fit";
            for (std::size_t i = 0; i < placed.labels.size(); ++i) {
                const PlacedLabel& l = placed.labels[i];
                const ScreenRect box{l.topLeft.x, l.topLeft.y, l.size.x, l.size.y};
                EXPECT_TRUE(view.contains(box))
                    << describe(c) << ", " << count << " labels: " << l.text;
                for (std::size_t j = i + 1; j < placed.labels.size(); ++j)
                    EXPECT_FALSE(overlap(l, placed.labels[j]))
                        << describe(c) << ": " << l.text << " / " << placed.labels[j].text;
            }
            if (placed.dropped > 0) {
                const ScreenRect noteBox{placed.noteTopLeft.x, placed.noteTopLeft.y, note.x,
                                         note.y};
                EXPECT_TRUE(view.contains(noteBox)) << describe(c);
                for (const PlacedLabel& l : placed.labels)
                    EXPECT_FALSE(noteBox.intersects({l.topLeft.x, l.topLeft.y, l.size.x, l.size.y}))
                        << describe(c);
            }
        }
    }
}
