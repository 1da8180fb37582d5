#include "ui/tour_panels.hpp"

#include <imgui.h>

namespace medius::ui {

void drawTourPanel(const std::vector<Tour>& tours, const Tour& recording, TourInput& input, bool* open,
                   ActionQueue& actions) {
    if (!*open) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 24, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Tours", open, ImGuiWindowFlags_NoFocusOnAppearing)) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("Step with PageDown/PageUp, the arrow keys or space; Esc stops.");
    for (const auto& t : tours) {
        ImGui::PushID(t.id.c_str());
        if (ImGui::Selectable(t.title.c_str())) actions.push_back(StartTourAction{t.id});
        ImGui::SameLine();
        ImGui::TextDisabled("(%zu steps)", t.steps.size());
        ImGui::PopID();
    }
    if (tours.empty()) ImGui::TextDisabled("No tours loaded.");
    ImGui::Separator();
    ImGui::TextUnformatted("Record a tour from what is on screen:");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##caption", "caption of this step", input.caption, sizeof input.caption);
    if (ImGui::Button("Record this view as a step")) {
        actions.push_back(RecordTourStepAction{input.caption});
        input.caption[0] = '\0';
    }
    ImGui::SameLine();
    ImGui::Text("%zu recorded", recording.steps.size());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputTextWithHint("##title", "title of the tour", input.title, sizeof input.title);
    ImGui::SameLine();
    ImGui::BeginDisabled(recording.steps.empty());
    if (ImGui::Button("Save tour")) {
        actions.push_back(SaveRecordedTourAction{input.title});
        input.title[0] = '\0';
    }
    ImGui::EndDisabled();
    ImGui::End();
}

void drawTourCaption(const Tour& tour, std::size_t index, ActionQueue& actions) {
    if (index >= tour.steps.size()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - ImGui::GetFrameHeight() * 2.0f),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(vp->Size.x * 0.5f, 0), ImVec2(vp->Size.x * 0.7f, vp->Size.y * 0.4f));
    ImGui::SetNextWindowBgAlpha(0.88f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##tour caption", nullptr, flags)) {
        ImGui::TextDisabled("%s   step %zu of %zu", tour.title.c_str(), index + 1, tour.steps.size());
        // Captions are read from the back of a hall: a larger font than the panels.
        ImGui::SetWindowFontScale(1.35f);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tour.steps[index].caption.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetWindowFontScale(1.0f);
        ImGui::BeginDisabled(index == 0);
        if (ImGui::Button("< Back")) actions.push_back(TourStepAction{-1});
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(index + 1 >= tour.steps.size());
        if (ImGui::Button("Next >")) actions.push_back(TourStepAction{+1});
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("End tour")) actions.push_back(StopTourAction{});
    }
    ImGui::End();
}

}  // namespace medius::ui
