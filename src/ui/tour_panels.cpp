#include "ui/tour_panels.hpp"

#include <imgui.h>

#include <algorithm>

namespace medius::ui {

void drawTourPanel(const std::vector<Tour>& tours, const Tour& recording, TourInput& input, bool* open,
                   ActionQueue& actions) {
    if (!*open) return;
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
}

namespace {
constexpr float kCaptionScale = 1.35f;  // read from the back of a hall: larger than the panels
}

float tourCaptionHeight(const Tour& tour, std::size_t index, float width) {
    if (index >= tour.steps.size()) return 0.0f;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap = std::max(1.0f, (width - 2.0f * style.WindowPadding.x) / kCaptionScale);
    const ImVec2 text = ImGui::CalcTextSize(tour.steps[index].caption.c_str(), nullptr, false, wrap);
    return 2.0f * style.WindowPadding.y + ImGui::GetFrameHeightWithSpacing() + text.y * kCaptionScale + 2.0f;
}

void drawTourCaption(const Tour& tour, std::size_t index, const ScreenRect& band, ActionQueue& actions) {
    if (index >= tour.steps.size() || band.empty()) return;
    ImGui::SetNextWindowPos(ImVec2(band.x, band.y));
    ImGui::SetNextWindowSize(ImVec2(band.width, band.height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("##tour caption", nullptr, flags)) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s   step %zu of %zu", tour.title.c_str(), index + 1, tour.steps.size());
        const ImGuiStyle& style = ImGui::GetStyle();
        const float buttons = ImGui::CalcTextSize("< BackNext >End tour").x + 6.0f * style.FramePadding.x +
                              2.0f * style.ItemSpacing.x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
        ImGui::BeginDisabled(index == 0);
        if (ImGui::Button("< Back")) actions.push_back(TourStepAction{-1});
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(index + 1 >= tour.steps.size());
        if (ImGui::Button("Next >")) actions.push_back(TourStepAction{+1});
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("End tour")) actions.push_back(StopTourAction{});
        ImGui::SetWindowFontScale(kCaptionScale);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tour.steps[index].caption.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetWindowFontScale(1.0f);
    }
    ImGui::End();
}

}  // namespace medius::ui
