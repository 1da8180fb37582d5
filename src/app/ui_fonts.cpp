#include "app/ui_fonts.hpp"

#include <imgui.h>
#include <imgui_freetype.h>

#include <cstdlib>
#include <filesystem>

namespace medius::app {

std::string findUiFont() {
    // MEDIUS_UI_FONT chooses another TTF; when it is missing the built-in font is used.
    if (const char* chosen = std::getenv("MEDIUS_UI_FONT"); chosen && *chosen) {
        std::error_code ec;
        return std::filesystem::is_regular_file(chosen, ec) ? chosen : "";
    }
    static const char* kCandidates[] = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    };
    std::error_code ec;
    for (const char* path : kCandidates)
        if (std::filesystem::is_regular_file(path, ec)) return path;
    return {};
}

bool buildUiFonts(const std::string& ttfPath, float pixelSize) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // FreeType hints glyphs to the pixel grid: crisp text at every UI scale.
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    ImFont* font = nullptr;
    if (!ttfPath.empty()) font = io.Fonts->AddFontFromFileTTF(ttfPath.c_str(), pixelSize);
    if (!font) {
        ImFontConfig config;
        config.SizePixels = pixelSize;
        io.Fonts->AddFontDefault(&config);
    }
    io.Fonts->Build();
    return font != nullptr;
}

}  // namespace medius::app
