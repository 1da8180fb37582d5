#include <imgui.h>

#include <cstdio>

#include "ui/panels.hpp"

namespace medius::ui {

// Generated from the view option table, like the command line.
void drawViewPanel(const ViewOptions& options, bool* open, ActionQueue& actions) {
    if (!*open) return;
    for (const auto& spec : viewOptionTable()) {
        const std::string current = getViewOption(options, spec);
        std::visit(
            [&](auto member) {
                using T = std::remove_cvref_t<decltype(options.*member)>;
                if constexpr (std::is_same_v<T, bool>) {
                    bool v = options.*member;
                    if (ImGui::Checkbox(spec.name, &v))
                        actions.push_back(SetViewOptionAction{spec.name, v ? "true" : "false"});
                } else if constexpr (std::is_same_v<T, int>) {
                    int v = options.*member;
                    if (ImGui::SliderInt(spec.name, &v, static_cast<int>(spec.min),
                                         static_cast<int>(spec.max)))
                        actions.push_back(SetViewOptionAction{spec.name, std::to_string(v)});
                } else if constexpr (std::is_same_v<T, float>) {
                    float v = options.*member;
                    if (ImGui::SliderFloat(spec.name, &v, static_cast<float>(spec.min),
                                           static_cast<float>(spec.max), "%.2f")) {
                        char buf[32];
                        std::snprintf(buf, sizeof buf, "%g", v);
                        actions.push_back(SetViewOptionAction{spec.name, buf});
                    }
                } else {
                    if (ImGui::BeginCombo(spec.name, current.c_str())) {
                        for (const char* choice : spec.choices)
                            if (ImGui::Selectable(choice, current == choice))
                                actions.push_back(SetViewOptionAction{spec.name, choice});
                        ImGui::EndCombo();
                    }
                }
            },
            spec.field);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", spec.help);
    }
}

}  // namespace medius::ui
