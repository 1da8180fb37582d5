#pragma once
#include <string>

namespace medius::app {

// Font pixel size for a theme at a scale: the projector theme reads from the back of a hall.
float uiFontSize(const std::string& theme, float scale);
// ImGui colours and sizes for the theme ("dark" or "projector"), scaled.
void applyUiStyle(const std::string& theme, float scale);

}  // namespace medius::app
