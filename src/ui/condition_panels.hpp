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

void drawConditionList(const ContentLibrary& content, const std::string& selectedId,
                       ConditionListInput& input, bool* open, ActionQueue& actions);
void drawConditionInfo(const Scene& scene, const ContentLibrary& content,
                       const Condition& condition, Audience audience, bool* open,
                       ActionQueue& actions);
// Returns the legend's width (pixels), so panels can sit beside it.
float drawLegend(const Condition& condition, Audience audience);
void drawRedFlags(const ContentLibrary& content, Audience audience, bool* open);
// `leftImage` and `rightImage` are OpenGL textures of the two pain maps (0: none).
void drawComparison(const ContentLibrary& content, const Condition& left, const Condition* right,
                    Audience audience, unsigned leftImage, unsigned rightImage, float imageAspect,
                    bool* open, ActionQueue& actions);

}  // namespace medius::ui
