#include <imgui.h>

#include "ui/panels.hpp"

namespace medius::ui {

float drawMainMenu(PanelVisibility& panels, const ViewOptions& options, bool sharing, ActionQueue& actions) {
    if (!ImGui::BeginMainMenuBar()) return 0.0f;
    const float height = ImGui::GetWindowHeight();
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Export patient handout (PDF)")) actions.push_back(ExportHandoutAction{});
        if (ImGui::MenuItem("Handout with exercises (PDF)")) actions.push_back(ExportHandoutAction{true});
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) actions.push_back(QuitAction{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        if (ImGui::MenuItem("Undo view change", "Ctrl+Z")) actions.push_back(UndoAction{});
        if (ImGui::MenuItem("Redo view change", "Ctrl+Y")) actions.push_back(RedoAction{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        struct Item {
            const char* label;
            const char* key;
            ViewPreset preset;
        };
        static constexpr Item kItems[] = {
            {"Anterior", "1", ViewPreset::Anterior},
            {"Posterior", "2", ViewPreset::Posterior},
            {"Right lateral", "3", ViewPreset::RightLateral},
            {"Left lateral", "4", ViewPreset::LeftLateral},
            {"Superior", "5", ViewPreset::Superior},
            {"Inferior", "6", ViewPreset::Inferior},
        };
        for (const auto& item : kItems)
            if (ImGui::MenuItem(item.label, item.key)) actions.push_back(ViewPresetAction{item.preset});
        ImGui::Separator();
        if (ImGui::MenuItem("Reset camera", "Home")) actions.push_back(ResetCameraAction{});
        ImGui::Separator();
        const auto sidebar = [&](const char* label, const char* key, const char* option, bool open) {
            if (ImGui::MenuItem(label, key, open)) actions.push_back(SetViewOptionAction{option, open ? "false" : "true"});
        };
        sidebar("Left sidebar", "[", "left-sidebar", options.leftSidebar);
        sidebar("Right sidebar", "]", "right-sidebar", options.rightSidebar);
        ImGui::Separator();
        ImGui::MenuItem("Compare conditions", "C", &panels.compare);
        ImGui::MenuItem("Structures", nullptr, &panels.structures);
        ImGui::MenuItem("Bookmarks", "B", &panels.bookmarks);
        ImGui::MenuItem("Quiz", nullptr, &panels.quiz);
        ImGui::MenuItem("Tours", "T", &panels.tours);
        ImGui::MenuItem("Posture and compression", "P", &panels.pose);
        ImGui::MenuItem("Display options", nullptr, &panels.view);
        ImGui::Separator();
        if (ImGui::MenuItem("Share with the room", nullptr, sharing)) actions.push_back(ToggleShareAction{});
        ImGui::EndMenu();
    }
    // Red flags are always one click away, whatever is on screen.
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.45f, 1.0f));
    if (ImGui::MenuItem("Red flags")) panels.redFlags = !panels.redFlags;
    ImGui::PopStyleColor();
    // The six view presets as buttons, for a mouse or a touch screen.
    ImGui::TextDisabled("|");
    struct Preset {
        const char* label;
        ViewPreset preset;
    };
    static constexpr Preset kButtons[] = {{"Ant", ViewPreset::Anterior},     {"Post", ViewPreset::Posterior},
                                          {"R lat", ViewPreset::RightLateral}, {"L lat", ViewPreset::LeftLateral},
                                          {"Sup", ViewPreset::Superior},     {"Inf", ViewPreset::Inferior}};
    for (const auto& b : kButtons)
        if (ImGui::SmallButton(b.label)) actions.push_back(ViewPresetAction{b.preset});
    ImGui::TextDisabled("|");
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Controls", "F1", &panels.help);
        ImGui::MenuItem("About Medius", nullptr, &panels.about);
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
    return height;
}

}  // namespace medius::ui
