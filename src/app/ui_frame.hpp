#pragma once
// Builds one frame of the whole UI from the app state: the same code for the
// window and for headless screenshots with --with-ui.
#include "app/app_state.hpp"
#include "ui/bookmark_panel.hpp"
#include "ui/condition_panels.hpp"
#include "ui/tour_panels.hpp"
#include "ui/panels.hpp"

namespace medius::app {

struct UiState {
    ui::PanelVisibility panels;
    ui::FrameStats stats;
    ui::ConditionListInput conditionInput;
    ui::BookmarkInput bookmarkInput;
    ui::StructureSearch structureSearch;
    ui::TourInput tourInput;
    // Pain-map textures for the comparison window (0: none yet).
    unsigned painMapLeft = 0, painMapRight = 0;
    float painMapAspect = 0.75f;
    bool hidden = false;  // H: the model alone, for a clean projection
};

void buildUi(const AppState& state, UiState& ui, ActionQueue& actions);

}  // namespace medius::app
