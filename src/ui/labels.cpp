#include "ui/labels.hpp"

#include <imgui.h>

#include <cstdio>

namespace medius::ui {

float labelPadding() {
    return ImGui::GetFontSize() * 0.25f;
}

glm::vec2 labelBoxSize(const std::string& text) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    return {size.x + 2.0f * labelPadding(), size.y + 2.0f * labelPadding()};
}

void drawLabels(const LabelPlacement& placement) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const float pad = labelPadding();
    const ImU32 line = IM_COL32(255, 244, 200, 220);
    const ImU32 box = IM_COL32(20, 22, 26, 210);
    const ImU32 text = IM_COL32(255, 250, 235, 255);
    for (const auto& l : placement.labels) {
        const ImVec2 anchor(l.anchor.x, l.anchor.y);
        const ImVec2 min(l.topLeft.x, l.topLeft.y);
        const ImVec2 max(l.topLeft.x + l.size.x, l.topLeft.y + l.size.y);
        // The leader meets the box at the edge facing the anchor.
        const ImVec2 end(l.rightSide ? min.x : max.x, (min.y + max.y) * 0.5f);
        draw->AddLine(anchor, end, IM_COL32(0, 0, 0, 160), 3.0f);
        draw->AddLine(anchor, end, line, 1.5f);
        draw->AddCircleFilled(anchor, 3.5f, line);
        draw->AddRectFilled(min, max, box, pad);
        draw->AddText(ImVec2(l.topLeft.x + pad, l.topLeft.y + pad), text, l.text.c_str());
    }
    if (placement.dropped > 0) {
        char note[48];
        std::snprintf(note, sizeof note, "+%d more", placement.dropped);
        const glm::vec2 size = labelBoxSize(note);
        const ImVec2 min(placement.noteTopLeft.x, placement.noteTopLeft.y);
        draw->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), box, pad);
        draw->AddText(ImVec2(min.x + pad, min.y + pad), IM_COL32(200, 200, 200, 255), note);
    }
}

}  // namespace medius::ui
