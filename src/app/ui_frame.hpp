#pragma once
// Builds one frame of the whole UI from the app state: the same code for the
// window and for headless screenshots with --with-ui. It lays the window out first
// (core/panel_layout), so the 3D views, picking and labels know their rectangles.
#include "app/app_state.hpp"
#include "core/label_layout.hpp"
#include "core/panel_layout.hpp"
#include "ui/bookmark_panel.hpp"
#include "ui/condition_panels.hpp"
#include "ui/panels.hpp"
#include "ui/tour_panels.hpp"

namespace medius::app {

struct UiState {
    ui::PanelVisibility panels;
    ui::PanelVisibility shownLastFrame;  // to open a section that was just asked for
    ui::FrameStats stats;
    ui::ConditionListInput conditionInput;
    ui::BookmarkInput bookmarkInput;
    ui::StructureSearch structureSearch;
    ui::TourInput tourInput;
    bool hidden = false;  // H: the model alone, for a clean projection
    // Annotation tools: drawing over the view, or placing a note on the model.
    enum class Pen { Off, Draw, Note } pen = Pen::Off;
    std::vector<glm::vec2> currentStroke;  // 0..1 viewport coordinates, while drawing
    char noteText[160] = {};
    // This frame's layout and the labels placed in each 3D view.
    PanelLayout layout;
    std::vector<LabelPlacement> labels;
};

// Two views side by side when the user compares the condition with another one.
bool comparing(const AppState& state, const UiState& ui);
// The layout for the window's current size and style, before any panel is drawn.
PanelLayout layoutFor(const AppState& state, const UiState& ui, float menuBarHeight);
void buildUi(const AppState& state, UiState& ui, ActionQueue& actions);

}  // namespace medius::app
