#pragma once
// Panels for conditions: the searchable list, the information window with
// its tabs, the legend, the red flags and the side-by-side comparison.
// They read the content library and emit actions; they hold no data.
#include <string>

#include "core/actions.hpp"
#include "core/condition.hpp"
#include "core/structure.hpp"

namespace medius::ui {

// Scratch text of the search box: ImGui needs a buffer that outlives the frame.
struct ConditionListInput {
    char search[128] = {};
};

// The contents of sidebar sections (the sidebar owns the window).
void drawConditionList(const ContentLibrary& content, const std::string& selectedId,
                       ConditionListInput& input, ActionQueue& actions);
void drawConditionInfo(const Scene& scene, const ContentLibrary& content,
                       const Condition& condition, Audience audience, ActionQueue& actions);
// The colour key of the condition's roles and pain zones.
void drawLegend(const Condition& condition, Audience audience);
// The differential questions answered for both conditions; the two pain maps are the two
// halves of the 3D view.
void drawComparison(const ContentLibrary& content, const Condition& left, const Condition* right,
                    Audience audience, ActionQueue& actions);
// A window over the view (modal things may float); Esc closes it.
void drawRedFlags(const ContentLibrary& content, Audience audience, bool* open);

}  // namespace medius::ui
