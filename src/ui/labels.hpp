#pragma once
#include <vector>

#include "core/label_layout.hpp"

namespace medius::ui {

// Leader-line labels over the 3D view, under the panels.
void drawLabels(const std::vector<PlacedLabel>& labels);

}  // namespace medius::ui
