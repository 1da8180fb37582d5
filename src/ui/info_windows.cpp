#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/panels.hpp"

namespace medius::ui {

bool beginModalWindow(const char* title, bool* open, ImGuiWindowFlags flags) {
    if (!*open) return false;
    // Modal things may float: centred on the window when they open, and Esc closes them.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        *open = false;
        return false;
    }
    if (!ImGui::Begin(title, open, flags)) {
        ImGui::End();
        return false;
    }
    return true;
}

void drawHelpWindow(bool* open) {
    if (!beginModalWindow("Controls", open, ImGuiWindowFlags_AlwaysAutoResize)) return;
    static constexpr const char* kRows[][2] = {
        {"Left drag", "rotate about the centre"},
        {"Right or middle drag", "pan"},
        {"Wheel", "zoom toward the point under the cursor"},
        {"Click", "select a structure and show its card"},
        {"Double-click", "frame the structure under the cursor"},
        {"X", "X-ray: everything but the selection see-through"},
        {"Ctrl+Z / Ctrl+Y", "undo / redo a view change"},
        {"B", "bookmarks"},
        {"Arrow keys", "rotate in 15 degree steps"},
        {"Shift + arrow keys", "pan"},
        {"+ / -", "zoom in / out"},
        {"1 - 6", "anterior, posterior, right and left lateral, superior, inferior"},
        {"Home", "reset the camera"},
        {"F1", "show or hide this window"},
        {"F11", "fullscreen on this monitor"},
        {"F12", "save a 3840x2160 screenshot"},
        {"H", "hide or show all panels"},
        {"[ / ]", "collapse or open the left / right sidebar (or drag its edge to resize)"},
        {"Esc", "close this window, the red flags, or end a tour"},
        {"A", "annotate: draw over the view, or pin a note to the model"},
        {"T", "tours; PageDown / PageUp / space step them"},
        {"Ctrl+Q", "quit"},
    };
    if (ImGui::BeginTable("controls", 2, ImGuiTableFlags_RowBg)) {
        for (const auto& row : kRows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[0]);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[1]);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

void drawAboutWindow(bool* open) {
    if (!beginModalWindow("About Medius", open, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("Medius 0.1.0");
    ImGui::TextUnformatted("An interactive 3D atlas of pain at the gluteus medius.");
    ImGui::Separator();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextUnformatted(
        "Medius is for education and explanation. It does not diagnose: "
        "hip and buttock pain needs a qualified clinician's assessment.");
    ImGui::PopTextWrapPos();
    ImGui::End();
}

void drawStatusBar(const FrameStats& stats, const ScreenRect& bar) {
    if (bar.empty()) return;
    ImGui::SetNextWindowPos(ImVec2(bar.x, bar.y));
    ImGui::SetNextWindowSize(ImVec2(bar.width, bar.height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
    if (ImGui::Begin("##status", nullptr, flags)) {
        char redraw[48] = "";
        if (stats.frameMs > 0.0f) std::snprintf(redraw, sizeof redraw, "last redraw %.1f ms   ", stats.frameMs);
        std::string sharing;
        if (stats.share.on) {
            sharing = "Sharing: " + stats.share.url + "  code " + stats.share.code + "  " +
                      std::to_string(stats.share.clients) + " following   ";
            if (stats.share.refused > 0)
                sharing += "ROOM FULL: " + std::to_string(stats.share.refused) + " turned away (limit " +
                           std::to_string(stats.share.maxClients) + ")   ";
        }
        ImGui::Text("%s%zu triangles   %.1f MB on GPU   %s%s   For education only; not a diagnosis.   %s",
                    sharing.c_str(), stats.triangles, stats.gpuBytes / 1048576.0, redraw, stats.renderer.c_str(),
                    stats.message.c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

void drawShareCode(const ShareDisplay& share, const ScreenRect& view, bool projector) {
    if (!share.on || share.qrSize <= 0 || view.empty()) return;
    // A quiet zone of four modules, as QR readers expect; big enough to scan from a few rows back.
    const int modules = share.qrSize + 8;
    const float want = ImGui::GetFontSize() * (projector ? 11.0f : 7.0f);
    const float cell = std::max(2.0f, std::floor(std::min(want, view.height * 0.4f) / modules));
    const float side = cell * modules;
    const float pad = ImGui::GetFontSize() * 0.5f;
    const std::string line = "Follow: scan, or open the address";
    const std::string code = "Room code " + share.code;
    const float lineHeight = ImGui::GetTextLineHeightWithSpacing();
    // The card is as wide as its widest line; the code sits centred above the two lines.
    const float width = std::max(side, ImGui::CalcTextSize(line.c_str()).x + 2.0f * pad);
    const float height = side + 2.0f * lineHeight + pad;
    const ImVec2 at(view.right() - width - pad, view.bottom() - height - pad);
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), IM_COL32(255, 255, 255, 255));
    const float qrX = at.x + (width - side) * 0.5f;
    for (int y = 0; y < share.qrSize; ++y)
        for (int x = 0; x < share.qrSize; ++x)
            if (share.qr[static_cast<std::size_t>(y) * share.qrSize + x]) {
                const ImVec2 a(qrX + (x + 4) * cell, at.y + (y + 4) * cell);
                draw->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32(0, 0, 0, 255));
            }
    draw->AddText(ImVec2(at.x + pad, at.y + side), IM_COL32(0, 0, 0, 255), line.c_str());
    draw->AddText(ImVec2(at.x + pad, at.y + side + lineHeight), IM_COL32(0, 0, 0, 255), code.c_str());
}

}  // namespace medius::ui
