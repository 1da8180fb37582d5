#pragma once
#include <string>
#include <vector>

#include "core/label_layout.hpp"

namespace medius::ui {

// The padding between a label's text and the edge of its box, in pixels.
float labelPadding();
// The box a label of this text needs (text and padding), for LabelRequest::size.
glm::vec2 labelBoxSize(const std::string& text);
// Leader-line labels over the 3D view, under the panels, and the "+N more" note for those
// left out for want of room.
void drawLabels(const LabelPlacement& placement);

}  // namespace medius::ui
