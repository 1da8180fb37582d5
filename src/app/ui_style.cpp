#include "app/ui_style.hpp"

#include <imgui.h>

namespace medius::app {

float uiFontSize(const std::string& theme, float scale) {
    return 16.0f * scale * (theme == "projector" ? 1.3f : 1.0f);
}

void applyUiStyle(const std::string& theme, float scale) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.WindowBorderSize = 0.0f;
    style.Colors[ImGuiCol_WindowBg].w = 0.92f;
    if (theme == "projector") {
        // Projectors wash out mid greys: pure white on black, visible borders, and the
        // colour-blind-safe blue (#0072B2) for what is active.
        ImVec4* c = style.Colors;
        c[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.8f, 0.8f, 0.8f, 1);
        c[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0.96f);
        c[ImGuiCol_PopupBg] = ImVec4(0, 0, 0, 0.98f);
        c[ImGuiCol_Border] = ImVec4(1, 1, 1, 0.6f);
        c[ImGuiCol_FrameBg] = ImVec4(0.15f, 0.15f, 0.15f, 1);
        c[ImGuiCol_TitleBgActive] = ImVec4(0.0f, 0.45f, 0.70f, 1);
        c[ImGuiCol_Header] = ImVec4(0.0f, 0.45f, 0.70f, 0.8f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.0f, 0.55f, 0.85f, 0.9f);
        c[ImGuiCol_Button] = ImVec4(0.0f, 0.45f, 0.70f, 0.9f);
        c[ImGuiCol_Tab] = ImVec4(0.0f, 0.30f, 0.50f, 1);
        c[ImGuiCol_TabActive] = ImVec4(0.0f, 0.45f, 0.70f, 1);
        c[ImGuiCol_CheckMark] = ImVec4(0.94f, 0.89f, 0.26f, 1);
        style.WindowBorderSize = 1.5f;
        style.FrameBorderSize = 1.0f;
    }
    style.ScaleAllSizes(scale);
}

}  // namespace medius::app
