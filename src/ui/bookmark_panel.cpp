#include "ui/bookmark_panel.hpp"

#include <imgui.h>

namespace medius::ui {

void drawBookmarkPanel(const std::vector<Bookmark>& bookmarks, const std::string& folder,
                       BookmarkInput& input, bool* open, ActionQueue& actions) {
    if (!*open) return;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    const bool enter = ImGui::InputTextWithHint("##name", "name of this view", input.name,
                                                sizeof input.name,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Save view") || enter) && input.name[0]) {
        actions.push_back(SaveBookmarkAction{input.name});
        input.name[0] = '\0';
    }
    ImGui::Separator();
    for (const auto& b : bookmarks) {
        ImGui::PushID(b.name.c_str());
        if (ImGui::Selectable(b.name.c_str(), false, 0, ImVec2(ImGui::GetFontSize() * 13, 0)))
            actions.push_back(LoadBookmarkAction{b.name});
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) actions.push_back(DeleteBookmarkAction{b.name});
        ImGui::PopID();
    }
    if (bookmarks.empty()) ImGui::TextDisabled("No bookmarks yet.");
    ImGui::TextDisabled("Saved in %s", folder.c_str());
}

}  // namespace medius::ui
