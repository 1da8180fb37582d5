#pragma once
// ImGui panels. Each reads state and appends actions; none holds data.
#include <string>

#include "core/actions.hpp"
#include "core/structure.hpp"
#include "core/structure_info.hpp"
#include "core/view_options.hpp"
#include "core/view_state.hpp"

namespace medius::ui {

struct FrameStats {
    float frameMs = 0.0f;     // last 3D redraw, CPU wall time
    std::size_t triangles = 0;
    std::size_t gpuBytes = 0;
    std::string renderer;     // GL_RENDERER
    std::string message;      // the last thing Medius did for the user, e.g. a saved file
};

struct PanelVisibility {
    bool conditions = true;
    bool conditionInfo = true;
    bool structures = false;
    bool view = false;
    bool help = false;
    bool about = false;
    bool redFlags = false;
    bool compare = false;
    bool structureCard = true;
    bool bookmarks = false;
    bool quiz = false;
    bool tours = false;
    bool pose = false;
};

void drawMainMenu(PanelVisibility& panels, ActionQueue& actions);
struct StructureSearch {
    char text[96] = {};
};
// A tree by layer and region with visibility and opacity per structure and per layer, and a
// search over English and Latin names and synonyms.
void drawStructurePanel(const Scene& scene, const ViewState& view, const StructureInfoTable& info,
                        const std::string& selectedId, StructureSearch& search, bool* open,
                        ActionQueue& actions);
void drawViewPanel(const ViewOptions& options, bool* open, ActionQueue& actions);
void drawHelpWindow(bool* open);
void drawAboutWindow(bool* open);
void drawStatusBar(const FrameStats& stats);

}  // namespace medius::ui
