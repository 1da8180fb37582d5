#include "ui/labels.hpp"

#include <imgui.h>

namespace medius::ui {

void drawLabels(const std::vector<PlacedLabel>& labels) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const float pad = ImGui::GetFontSize() * 0.25f;
    const ImU32 line = IM_COL32(255, 244, 200, 220);
    const ImU32 box = IM_COL32(20, 22, 26, 210);
    const ImU32 text = IM_COL32(255, 250, 235, 255);
    for (const auto& l : labels) {
        const ImVec2 anchor(l.anchor.x, l.anchor.y);
        const ImVec2 min(l.topLeft.x - pad, l.topLeft.y - pad);
        const ImVec2 max(l.topLeft.x + l.size.x + pad, l.topLeft.y + l.size.y + pad);
        // The leader meets the box at the edge facing the anchor.
        const ImVec2 end(l.rightSide ? min.x : max.x, (min.y + max.y) * 0.5f);
        draw->AddLine(anchor, end, IM_COL32(0, 0, 0, 160), 3.0f);
        draw->AddLine(anchor, end, line, 1.5f);
        draw->AddCircleFilled(anchor, 3.5f, line);
        draw->AddRectFilled(min, max, box, pad);
        draw->AddText(ImVec2(l.topLeft.x, l.topLeft.y), text, l.text.c_str());
    }
}

}  // namespace medius::ui
