#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "ui/panels.hpp"

namespace medius::ui {

namespace {
constexpr Layer kLayerOrder[] = {Layer::Skin,  Layer::Muscle, Layer::Tendon,
                                 Layer::Bursa, Layer::Ligament, Layer::Joint,
                                 Layer::Nerve, Layer::Bone,   Layer::Other};
}

bool matches(const Structure& s, const StructureInfo* info, const char* needle) {
    if (!*needle) return true;
    const auto has = [needle](const std::string& text) {
        std::string a = text, b = needle;
        for (auto& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (auto& c : b) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return a.find(b) != std::string::npos;
    };
    if (has(s.name) || has(s.latin) || has(s.id)) return true;
    if (info) {
        for (const auto& syn : info->synonyms)
            if (has(syn)) return true;
        if (info->fma != 0 && has("FMA:" + std::to_string(info->fma))) return true;  // "22315" or "FMA:22315"
    }
    return false;
}

void drawStructurePanel(const Scene& scene, const ViewState& view, const StructureInfoTable& info,
                        const std::string& selectedId, StructureSearch& search, bool* open,
                        ActionQueue& actions) {
    if (!*open) return;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputTextWithHint("##search", "Search: English, Latin, synonym", search.text,
                             sizeof search.text);
    ImGui::SameLine();
    if (ImGui::Button("Show all")) actions.push_back(ShowAllAction{});
    const auto& structures = scene.structures();
    if (structures.empty()) ImGui::TextDisabled("No structures loaded.");
    const std::size_t count = std::min(structures.size(), view.appearances().size());
    for (Layer layer : kLayerOrder) {
        std::vector<std::size_t> rows;
        for (std::size_t i = 0; i < count; ++i)
            if (structures[i].layer == layer && matches(structures[i], info.find(structures[i].id), search.text))
                rows.push_back(i);
        if (rows.empty()) continue;
        ImGui::PushID(static_cast<int>(layer));
        // The layer's own checkbox shows or hides all of it.
        bool allVisible = true;
        for (std::size_t i : rows) allVisible = allVisible && view.appearance(i).visible;
        if (ImGui::Checkbox("##layer", &allVisible))
            for (std::size_t i : rows) actions.push_back(SetVisibleAction{i, allVisible});
        ImGui::SameLine();
        if (ImGui::CollapsingHeader(layerName(layer), search.text[0] ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
            // Regions as sub-trees, in first-seen order.
            std::vector<std::string> regions;
            for (std::size_t i : rows) {
                const StructureInfo* in = info.find(structures[i].id);
                const std::string region = in && !in->region.empty() ? in->region : "Other";
                if (std::find(regions.begin(), regions.end(), region) == regions.end())
                    regions.push_back(region);
            }
            for (const auto& region : regions) {
                if (!ImGui::TreeNodeEx(region.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
                const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
                if (ImGui::BeginTable("rows", 3, flags)) {
                    ImGui::TableSetupColumn("visible", ImGuiTableColumnFlags_WidthFixed);
                    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
                    ImGui::TableSetupColumn("opacity", ImGuiTableColumnFlags_WidthFixed,
                                            ImGui::GetFontSize() * 5);
                    for (std::size_t i : rows) {
                        const StructureInfo* in = info.find(structures[i].id);
                        if ((in && !in->region.empty() ? in->region : "Other") != region) continue;
                        const auto& a = view.appearance(i);
                        ImGui::PushID(static_cast<int>(i));
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        bool visible = a.visible;
                        if (ImGui::Checkbox("##visible", &visible))
                            actions.push_back(SetVisibleAction{i, visible});
                        ImGui::TableNextColumn();
                        const char* label = structures[i].name.empty() ? structures[i].id.c_str()
                                                                       : structures[i].name.c_str();
                        if (ImGui::Selectable(label, structures[i].id == selectedId))
                            actions.push_back(SelectStructureAction{structures[i].id});
                        if (ImGui::IsItemHovered())
                            ImGui::SetTooltip("%s\n%s\nDouble-click to isolate", structures[i].latin.c_str(),
                                              structures[i].id.c_str());
                        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
                            actions.push_back(IsolateAction{structures[i].id});
                        ImGui::TableNextColumn();
                        ImGui::SetNextItemWidth(-1);
                        float opacity = a.opacity;
                        if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 1.0f, "%.2f"))
                            actions.push_back(SetOpacityAction{i, opacity});
                        ImGui::PopID();
                    }
                    ImGui::EndTable();
                }
                ImGui::TreePop();
            }
        }
        ImGui::PopID();
    }
}

}  // namespace medius::ui
