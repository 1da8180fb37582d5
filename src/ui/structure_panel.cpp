#include <imgui.h>

#include "ui/panels.hpp"

namespace medius::ui {

namespace {
constexpr Layer kLayerOrder[] = {Layer::Skin,  Layer::Muscle, Layer::Tendon,
                                 Layer::Bursa, Layer::Ligament, Layer::Joint,
                                 Layer::Nerve, Layer::Bone,   Layer::Other};
}

void drawStructurePanel(const Scene& scene, const ViewState& view, bool* open,
                        ActionQueue& actions) {
    if (!*open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Below the main menu bar (WorkPos does not know about it on the very first frame).
    const float menuHeight = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 10, vp->Pos.y + menuHeight + 10),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 24, vp->Size.y * 0.6f),
                             ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Structures", open)) {
        ImGui::End();
        return;
    }
    if (ImGui::Button("Show all")) actions.push_back(ShowAllAction{});
    const auto& structures = scene.structures();
    if (structures.empty()) ImGui::TextDisabled("No structures loaded.");
    for (Layer layer : kLayerOrder) {
        bool any = false;
        for (const auto& s : structures) any = any || s.layer == layer;
        if (!any) continue;
        ImGui::PushID(static_cast<int>(layer));
        if (ImGui::CollapsingHeader(layerName(layer), ImGuiTreeNodeFlags_DefaultOpen)) {
            const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
            if (ImGui::BeginTable("rows", 3, flags)) {
                ImGui::TableSetupColumn("visible", ImGuiTableColumnFlags_WidthFixed);
                ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
                ImGui::TableSetupColumn("opacity", ImGuiTableColumnFlags_WidthFixed,
                                        ImGui::GetFontSize() * 5);
                for (std::size_t i = 0; i < structures.size() && i < view.appearances().size();
                     ++i) {
                    if (structures[i].layer != layer) continue;
                    const auto& a = view.appearance(i);
                    ImGui::PushID(static_cast<int>(i));
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    bool visible = a.visible;
                    if (ImGui::Checkbox("##visible", &visible))
                        actions.push_back(SetVisibleAction{i, visible});
                    ImGui::TableNextColumn();
                    ImGui::AlignTextToFramePadding();
                    ImGui::TextUnformatted(structures[i].name.empty() ? structures[i].id.c_str()
                                                                      : structures[i].name.c_str());
                    if (ImGui::IsItemHovered())
                        ImGui::SetTooltip("%s\n%s", structures[i].latin.c_str(),
                                          structures[i].id.c_str());
                    ImGui::TableNextColumn();
                    ImGui::SetNextItemWidth(-1);
                    float opacity = a.opacity;
                    if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 1.0f, "%.2f"))
                        actions.push_back(SetOpacityAction{i, opacity});
                    ImGui::PopID();
                }
                ImGui::EndTable();
            }
        }
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace medius::ui
