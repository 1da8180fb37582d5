#include "ui/structure_card.hpp"

#include <imgui.h>

#include "core/condition_view.hpp"
#include "ui/sidebar.hpp"

namespace medius::ui {

namespace {
void row(const char* label, const std::string& text) {
    if (text.empty()) return;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", text.c_str());
}
const char* sideName(Side s) { return s == Side::Left ? "left" : s == Side::Right ? "right" : "midline"; }
}  // namespace

void drawStructureCard(const Structure& s, const StructureInfo* info, const Condition* condition,
                       bool labelPinned, bool* open, ActionQueue& actions) {
    if (!*open) return;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(1.0f, 0.9f, 0.6f, 1.0f), "%s", s.name.c_str());
    if (!s.latin.empty()) ImGui::TextDisabled("%s", s.latin.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s, %s   id: %s", layerName(s.layer), sideName(s.side), s.id.c_str());
    if (condition) {
        if (const auto role = roleOf(*condition, s.id))
            ImGui::TextColored(ImVec4(1.0f, 0.7f, 0.4f, 1.0f), "In %s: %s", condition->name.c_str(),
                               roleLabel(*role));
    }
    if (ImGui::Button("Frame")) actions.push_back(FrameStructureAction{s.id, std::nullopt});
    sameLineIfFits("Isolate");
    if (ImGui::Button("Isolate")) actions.push_back(IsolateAction{s.id});
    sameLineIfFits("Show all");
    if (ImGui::Button("Show all")) actions.push_back(ShowAllAction{});
    sameLineIfFits("Deselect");
    if (ImGui::Button("Deselect")) actions.push_back(SelectStructureAction{""});
    sameLineIfFits(labelPinned ? "Unpin label" : "Pin label");
    if (ImGui::Button(labelPinned ? "Unpin label" : "Pin label"))
        actions.push_back(TogglePinnedLabelAction{s.id});
    // Sections through the structure's centre, in the three planes.
    const glm::vec3 c = s.mesh.bounds().centre();
    ImGui::TextDisabled("Cut through it:");
    struct Cut {
        const char* label;
        const char* plane;
        float offset;
    };
    const Cut cuts[] = {{"Coronal", "coronal", c.x}, {"Sagittal", "sagittal", c.z},
                        {"Transverse", "transverse", c.y}};
    for (const auto& cut : cuts) {
        sameLineIfFits(cut.label);
        if (ImGui::SmallButton(cut.label)) {
            actions.push_back(SetViewOptionAction{"section", cut.plane});
            actions.push_back(SetViewOptionAction{"section-offset", std::to_string(cut.offset)});
        }
    }
    sameLineIfFits("No cut");
    if (ImGui::SmallButton("No cut")) actions.push_back(SetViewOptionAction{"section", "off"});
    ImGui::Separator();
    if (!info) {
        ImGui::TextDisabled("No card written for this structure yet.");
    } else {
        ImGui::TextWrapped("%s", info->description.c_str());
        if (ImGui::BeginTable("card", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
            ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
            row("Region", info->region);
            row("FMA id", info->fma == 0 ? std::string("none recorded (no verified source yet)")
                          : "FMA:" + std::to_string(info->fma) +
                                (info->fmaConcept.empty() ? "" : " (" + info->fmaConcept + ")"));
            row("Origin", info->origin);
            row("Insertion", info->insertion);
            row("Action", info->action);
            row("Nerve", info->innervation);
            row("Blood supply", info->bloodSupply);
            ImGui::EndTable();
        }
        for (const auto& fact : info->keyFacts) {
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", fact.c_str());
        }
    }
}

void drawHoverLabel(const Structure& s) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(s.name.c_str());
    if (!s.latin.empty()) ImGui::TextDisabled("%s", s.latin.c_str());
    ImGui::EndTooltip();
}

}  // namespace medius::ui
