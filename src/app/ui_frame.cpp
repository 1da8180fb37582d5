#include "app/ui_frame.hpp"

#include <imgui.h>

#include "ui/structure_card.hpp"

namespace medius::app {

void buildUi(const AppState& state, UiState& ui, ActionQueue& actions) {
    ui::drawMainMenu(ui.panels, actions);
    ui::drawConditionList(state.content, state.conditionId, ui.conditionInput,
                          &ui.panels.conditions, actions);
    if (const Condition* c = state.condition()) {
        ui::drawConditionInfo(state.scene, state.content, *c, state.audience,
                              &ui.panels.conditionInfo, actions);
        ui::drawLegend(*c, state.audience);
        ui::drawComparison(state.content, *c, state.content.findCondition(state.compareId),
                           state.audience, ui.painMapLeft, ui.painMapRight, ui.painMapAspect,
                           &ui.panels.compare, actions);
    }
    if (const Structure* selected = state.scene.find(state.choices.selected)) {
        ui.panels.structureCard = true;
        bool open = true;
        ui::drawStructureCard(*selected, state.info.find(selected->id), state.condition(), &open,
                              actions);
        if (!open) actions.push_back(SelectStructureAction{""});
    }
    if (state.hovered >= 0 && state.hovered < static_cast<int>(state.scene.size()) &&
        !ImGui::GetIO().WantCaptureMouse)
        ui::drawHoverLabel(state.scene.structures()[state.hovered]);
    ui::drawBookmarkPanel(state.bookmarkList, state.bookmarks.folder(), ui.bookmarkInput,
                          &ui.panels.bookmarks, actions);
    ui::drawStructurePanel(state.scene, state.view, &ui.panels.structures, actions);
    ui::drawViewPanel(state.options, &ui.panels.view, actions);
    ui::drawRedFlags(state.content, state.audience, &ui.panels.redFlags);
    ui::drawHelpWindow(&ui.panels.help);
    ui::drawAboutWindow(&ui.panels.about);
    ui::drawStatusBar(ui.stats);
}

}  // namespace medius::app
