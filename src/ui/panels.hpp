#pragma once
// ImGui panels. Each reads state and appends actions; none holds data.
#include <string>
#include <vector>

#include <imgui.h>

#include "core/actions.hpp"
#include "core/panel_layout.hpp"
#include "core/structure.hpp"
#include "core/structure_info.hpp"
#include "core/view_options.hpp"
#include "core/view_state.hpp"

namespace medius::ui {

// While the lecturer shares the view with the room (issue 14): what the status bar and the
// corner of the view show students, filled by the app each frame.
struct ShareDisplay {
    bool on = false;
    std::string url, code;
    std::vector<bool> qr;  // qrSize x qrSize modules, true dark
    int qrSize = 0;
    int clients = 0, maxClients = 0;
    long refused = 0;  // students turned away because the room was full
};

struct FrameStats {
    float frameMs = 0.0f;     // last 3D redraw, CPU wall time
    std::size_t triangles = 0;
    std::size_t gpuBytes = 0;
    std::string renderer;     // GL_RENDERER
    std::string message;      // the last thing Medius did for the user, e.g. a saved file
    ShareDisplay share;
};

// Which optional sidebar sections are shown (the condition list, its colour key, the
// structure card and the condition's tabs always are), and which windows float.
struct PanelVisibility {
    bool structures = false;
    bool view = false;
    bool compare = false;
    bool bookmarks = false;
    bool quiz = false;
    bool tours = false;
    bool pose = false;
    bool exercises = false;
    // Floating, closed by Esc.
    bool help = false;
    bool about = false;
    bool redFlags = false;
};

// The menu bar; returns its height in pixels (the layout starts below it).
float drawMainMenu(PanelVisibility& panels, const ViewOptions& options, bool sharing, ActionQueue& actions);
// The room's address as a QR code in the view's bottom right corner (bigger with the projector theme).
void drawShareCode(const ShareDisplay& share, const ScreenRect& view, bool projector);
struct StructureSearch {
    char text[96] = {};
};
// A tree by layer and region with visibility and opacity per structure and per layer, and a
// search over English and Latin names and synonyms.
void drawStructurePanel(const Scene& scene, const ViewState& view, const StructureInfoTable& info,
                        const std::string& selectedId, StructureSearch& search, bool* open,
                        ActionQueue& actions);
void drawViewPanel(const ViewOptions& options, bool* open, ActionQueue& actions);
// A window that floats over the view (help, about, red flags): centred when it opens, closed
// by Esc or its close button. True when its contents should be drawn; then call ImGui::End.
bool beginModalWindow(const char* title, bool* open, ImGuiWindowFlags flags = 0);
void drawHelpWindow(bool* open);
void drawAboutWindow(bool* open);
void drawStatusBar(const FrameStats& stats, const ScreenRect& bar);

}  // namespace medius::ui
