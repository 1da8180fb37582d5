#pragma once
// The info card of the selected structure, and the hover label.
#include "core/actions.hpp"
#include "core/condition.hpp"
#include "core/structure.hpp"
#include "core/structure_info.hpp"

namespace medius::ui {

void drawStructureCard(const Structure& structure, const StructureInfo* info,
                       const Condition* condition, bool labelPinned, bool* open,
                       ActionQueue& actions);
// A small label by the cursor naming the structure under it.
void drawHoverLabel(const Structure& structure);

}  // namespace medius::ui
