#pragma once
// The two docked sidebars: a window fixed to the layout's rectangle each frame, with a
// button that collapses it to a strip, an edge that resizes it by dragging, and sections
// (collapsing headers) stacked in one scrolling column. Sections hold no data: the sidebar
// tells them where to draw and emits the view-option actions that change the layout.
#include "core/actions.hpp"
#include "core/panel_layout.hpp"

namespace medius::ui {

enum class SidebarSide { Left, Right };

struct SidebarSpec {
    const char* id;     // ImGui window name, e.g. "##left sidebar"
    const char* title;  // shown beside the collapse button
    SidebarSide side;
    ScreenRect rect;          // from computePanelLayout
    bool open;                // the view option's value
    const char* openOption;   // "left-sidebar"
    const char* widthOption;  // "left-sidebar-width"
    const char* key;          // the key that toggles it, for the tooltip
};

// Begins the sidebar's window. Returns true when it is open and its sections should be
// drawn; always pair with endSidebar().
bool beginSidebar(const SidebarSpec& spec, ActionQueue& actions);
void endSidebar(const SidebarSpec& spec, ActionQueue& actions);

// A section: a collapsing header, open by default. `visible` (may be null) adds a close
// button; `reveal` (consumed) opens the header and scrolls it into view, for a key or a
// menu item that asked for it.
bool sidebarSection(const char* title, bool* visible = nullptr, bool* reveal = nullptr);

// Before the next button of a row: stays on the line when a button labelled `label` still
// fits the sidebar's width, else starts a new line, so rows of buttons wrap and are never cut.
void sameLineIfFits(const char* label);

}  // namespace medius::ui
