#pragma once
#include <string>

namespace medius::app {

// The first readable TTF of a short list of Debian font packages, or empty.
std::string findUiFont();
// (Re)builds ImGui's font atlas with FreeType at `pixelSize`. Falls back to
// ImGui's built-in font, with a warning, when no TTF can be loaded.
bool buildUiFonts(const std::string& ttfPath, float pixelSize);

}  // namespace medius::app
