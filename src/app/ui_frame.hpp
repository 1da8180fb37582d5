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
    // Annotation tools: drawing over the view, or placing a note on the model.
    enum class Pen { Off, Draw, Note } pen = Pen::Off;
    std::vector<glm::vec2> currentStroke;  // 0..1 view coordinates, while drawing
    char noteText[160] = {};
};

void buildUi(const AppState& state, UiState& ui, ActionQueue& actions);
// The pen's tool bar (shown while annotating or when there are annotations).
void drawAnnotationTools(const Annotations& annotations, UiState& state, ActionQueue& actions);

}  // namespace medius::app
