#include "ui/sidebar.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace medius::ui {

namespace {
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoSavedSettings |
                                    // Clicking a sidebar must not lift it over the splitter.
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;

// The inner edge, dragged to resize: a thin window of its own over the sidebar's edge, so
// it is never scrolled away with the sections.
void resizeEdge(const SidebarSpec& spec, ActionQueue& actions) {
    const float grip = std::max(4.0f, ImGui::GetFontSize() * 0.3f);
    const ScreenRect& r = spec.rect;
    const float x = spec.side == SidebarSide::Left ? r.right() - grip : r.x;
    ImGui::SetNextWindowPos(ImVec2(x, r.y));
    ImGui::SetNextWindowSize(ImVec2(grip, r.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    char name[64];
    std::snprintf(name, sizeof name, "%s edge", spec.id);
    // Without NoBringToFrontOnFocus, unlike the sidebar: ImGui puts a new window with that flag
    // at the back, and the edge must lie over its sidebar to be grabbed.
    ImGui::Begin(name, nullptr,
                 (kFixed & ~ImGuiWindowFlags_NoBringToFrontOnFocus) | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::InvisibleButton("##resize", ImVec2(grip, r.height));
    const bool active = ImGui::IsItemActive();
    if (ImGui::IsItemHovered() || active) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        ImGui::GetWindowDrawList()->AddRectFilled(
            ImVec2(x, r.y), ImVec2(x + grip, r.bottom()),
            ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive : ImGuiCol_SeparatorHovered));
    }
    if (active && ImGui::GetIO().MouseDelta.x != 0.0f) {
        const float mouseX = ImGui::GetIO().MousePos.x;
        const float px =
            spec.side == SidebarSide::Left ? mouseX : ImGui::GetIO().DisplaySize.x - mouseX;
        const float em =
            std::clamp(px / std::max(ImGui::GetFontSize(), 1.0f), kMinSidebarEm, kMaxSidebarEm);
        char value[32];
        std::snprintf(value, sizeof value, "%.1f", em);
        actions.push_back(SetViewOptionAction{spec.widthOption, value});
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}
}  // namespace

bool beginSidebar(const SidebarSpec& spec, ActionQueue& actions) {
    ImGui::SetNextWindowPos(ImVec2(spec.rect.x, spec.rect.y));
    ImGui::SetNextWindowSize(ImVec2(spec.rect.width, spec.rect.height));
    const bool left = spec.side == SidebarSide::Left;
    if (!spec.open) {
        // A strip with the button that opens the sidebar again.
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(2, 6));
        ImGui::Begin(spec.id, nullptr, kFixed | ImGuiWindowFlags_NoScrollbar);
        ImGui::PopStyleVar();
        ImGui::SetCursorPosX(std::max(0.0f, (spec.rect.width - ImGui::GetFrameHeight()) * 0.5f));
        if (ImGui::ArrowButton("##expand", left ? ImGuiDir_Right : ImGuiDir_Left))
            actions.push_back(SetViewOptionAction{spec.openOption, "true"});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the sidebar (%s)", spec.key);
        return false;
    }
    ImGui::Begin(spec.id, nullptr, kFixed);
    // A title row with the collapse button on the side that faces the view.
    const float button = ImGui::GetFrameHeight();
    if (left) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", spec.title);
        ImGui::SameLine(std::max(ImGui::GetWindowContentRegionMax().x - button, 0.0f));
    }
    if (ImGui::ArrowButton("##collapse", left ? ImGuiDir_Left : ImGuiDir_Right))
        actions.push_back(SetViewOptionAction{spec.openOption, "false"});
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Hide the sidebar (%s); drag its edge to resize", spec.key);
    if (!left) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", spec.title);
    }
    // Every text in a sidebar wraps at its edge: nothing is cut, whatever its width.
    ImGui::PushTextWrapPos(0.0f);
    return true;
}

void endSidebar(const SidebarSpec& spec, ActionQueue& actions) {
    if (spec.open) ImGui::PopTextWrapPos();
    ImGui::End();
    if (spec.open) resizeEdge(spec, actions);
}

bool sidebarSection(const char* title, bool* visible, bool* reveal) {
    const bool revealNow = reveal && *reveal;
    if (revealNow) {
        ImGui::SetNextItemOpen(true);
        *reveal = false;
    }
    const bool open = visible
                          ? ImGui::CollapsingHeader(title, visible, ImGuiTreeNodeFlags_DefaultOpen)
                          : ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen);
    if (revealNow) ImGui::SetScrollHereY(0.0f);
    return open;
}

void sameLineIfFits(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(label, nullptr, true).x + 2.0f * style.FramePadding.x;
    const float end = ImGui::GetItemRectMax().x + style.ItemSpacing.x + width;
    const float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (end <= limit) ImGui::SameLine();
}

}  // namespace medius::ui
