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
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10, vp->WorkPos.y + 10), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.24f, vp->WorkSize.y * 0.6f),
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
            for (std::size_t i = 0; i < structures.size() && i < view.appearances().size(); ++i) {
                if (structures[i].layer != layer) continue;
                const auto& a = view.appearance(i);
                ImGui::PushID(static_cast<int>(i));
                bool visible = a.visible;
                if (ImGui::Checkbox("##visible", &visible))
                    actions.push_back(SetVisibleAction{i, visible});
                ImGui::SameLine();
                ImGui::TextUnformatted(structures[i].name.empty() ? structures[i].id.c_str()
                                                                  : structures[i].name.c_str());
                if (ImGui::IsItemHovered() && !structures[i].latin.empty())
                    ImGui::SetTooltip("%s\n%s", structures[i].latin.c_str(),
                                      structures[i].id.c_str());
                ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.62f +
                                ImGui::GetCursorStartPos().x);
                ImGui::SetNextItemWidth(-1);
                float opacity = a.opacity;
                if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 1.0f, "%.2f"))
                    actions.push_back(SetOpacityAction{i, opacity});
                ImGui::PopID();
            }
        }
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace medius::ui
