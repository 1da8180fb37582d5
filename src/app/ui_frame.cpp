#include "app/ui_frame.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/label_layout.hpp"
#include "ui/labels.hpp"
#include "ui/pose_panel.hpp"
#include "ui/quiz_panel.hpp"
#include "ui/structure_card.hpp"

namespace medius::app {

namespace {
// Labels for the condition's structures, the pinned ones and the selection, at their
// projected centres.
std::vector<PlacedLabel> structureLabels(const AppState& state) {
    std::vector<std::string> ids;
    if (const Condition* c = state.condition())
        for (const auto& s : c->structures) ids.push_back(s.id);
    for (const auto& id : state.choices.pinnedLabels) ids.push_back(id);
    if (!state.choices.selected.empty()) ids.push_back(state.choices.selected);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const glm::mat4 viewProjection =
        state.camera.projectionMatrix(display.x / std::max(display.y, 1.0f)) * state.camera.viewMatrix();
    std::vector<LabelRequest> requests;
    // Notes pinned to the model go through the same layout as structure labels.
    for (const auto& note : state.annotations.notes) {
        const glm::vec4 clip = viewProjection * glm::vec4(note.at, 1.0f);
        if (clip.w <= 0.0f) continue;
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        const std::string text = "\"" + note.text + "\"";
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        requests.push_back({text, {(ndc.x * 0.5f + 0.5f) * display.x, (0.5f - ndc.y * 0.5f) * display.y},
                            {size.x, size.y}});
    }
    for (const auto& id : ids) {
        const Structure* s = state.scene.find(id);
        if (!s) continue;
        const glm::vec4 clip = viewProjection * glm::vec4(s->mesh.bounds().centre(), 1.0f);
        if (clip.w <= 0.0f) continue;  // behind the camera
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        if (std::abs(ndc.x) > 1.0f || std::abs(ndc.y) > 1.0f) continue;
        const ImVec2 size = ImGui::CalcTextSize(s->name.c_str());
        requests.push_back({s->name,
                            {(ndc.x * 0.5f + 0.5f) * display.x, (0.5f - ndc.y * 0.5f) * display.y},
                            {size.x, size.y}});
    }
    // Between the condition list and the condition panel where there is room.
    const float font = ImGui::GetFontSize();
    LabelArea area;
    area.min = {font * 20.0f, ImGui::GetFrameHeight() + font};
    area.max = {display.x - font * 29.0f, display.y - ImGui::GetFrameHeight() - font * 9.0f};
    if (area.max.x - area.min.x < font * 24.0f) {
        area.min.x = 0.0f;
        area.max.x = display.x;
    }
    area.gap = font * 0.6f;
    return layoutLabels(requests, area);
}
}  // namespace

// Single-leg stance as a lever: body weight down the midline with its arm to the hip, and the
// abductors' pull from the trochanter toward the iliac crest, as long as the force it needs.
void drawStanceArrows(const AppState& state) {
    if (!state.rig.valid) return;
    const StanceLever lever = stanceLever(state.rig, state.appliedPose);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const glm::mat4 vp = state.camera.projectionMatrix(display.x / std::max(display.y, 1.0f)) *
                         state.camera.viewMatrix();
    const auto screen = [&](const glm::vec3& p) {
        const glm::vec4 c = vp * glm::vec4(p, 1.0f);
        const glm::vec2 n = glm::vec2(c) / std::max(c.w, 1e-3f);
        return ImVec2((n.x * 0.5f + 0.5f) * display.x, (0.5f - n.y * 0.5f) * display.y);
    };
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const float w = std::max(3.0f, ImGui::GetFontSize() * 0.22f);
    const auto arrow = [&](glm::vec3 from, glm::vec3 to, ImU32 colour, const char* label) {
        const ImVec2 a = screen(from), b = screen(to);
        draw->AddLine(a, b, IM_COL32(0, 0, 0, 200), w + 3);
        draw->AddLine(a, b, colour, w);
        const glm::vec2 d = glm::normalize(glm::vec2(b.x - a.x, b.y - a.y) + glm::vec2(1e-6f));
        const glm::vec2 n(-d.y, d.x);
        const float h = w * 4.0f;
        draw->AddTriangleFilled(b, ImVec2(b.x - d.x * h + n.x * h * 0.6f, b.y - d.y * h + n.y * h * 0.6f),
                                ImVec2(b.x - d.x * h - n.x * h * 0.6f, b.y - d.y * h - n.y * h * 0.6f), colour);
        draw->AddText(ImVec2(b.x + 8, b.y - 8), colour, label);
    };
    arrow(lever.weightPoint, lever.weightPoint + glm::vec3(0, -160, 0), IM_COL32(90, 180, 255, 255), "body weight");
    const glm::vec3 pull = glm::normalize(lever.crest - lever.trochanter) * (60.0f * lever.forceRatio);
    arrow(lever.trochanter, lever.trochanter + pull, IM_COL32(255, 90, 60, 255), "abductors");
    // The weight's moment arm: from the hip centre across to the weight's line, at hip height.
    const glm::vec3 across(lever.weightPoint.x, lever.hip.y, lever.weightPoint.z);
    draw->AddLine(screen(lever.hip), screen(across), IM_COL32(255, 255, 255, 220), 2.0f);
    draw->AddCircleFilled(screen(lever.hip), w * 1.5f, IM_COL32(255, 255, 255, 255));
}

// The annotation tools: draw, place a note, clear.
void drawAnnotationTools(const Annotations& annotations, UiState& state, ActionQueue& actions) {
    if (state.pen == UiState::Pen::Off && annotations.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + ImGui::GetFrameHeight() + 6),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##annotate", nullptr, flags)) {
        int pen = static_cast<int>(state.pen);
        ImGui::RadioButton("Rotate", &pen, 0);
        ImGui::SameLine();
        ImGui::RadioButton("Draw", &pen, 1);
        ImGui::SameLine();
        ImGui::RadioButton("Note", &pen, 2);
        state.pen = static_cast<UiState::Pen>(pen);
        if (state.pen == UiState::Pen::Note) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
            ImGui::InputTextWithHint("##note", "note text, then click the model", state.noteText,
                                     sizeof state.noteText);
        }
        ImGui::SameLine();
        if (ImGui::Button("Clear")) actions.push_back(ClearAnnotationsAction{});
    }
    ImGui::End();
}

void buildUi(const AppState& state, UiState& ui, ActionQueue& actions) {
    if (ui.hidden) return;
    // A running quiz hides every name on the model: labels, hover and the card.
    const bool quizzing = state.quiz && !state.quiz->finished();
    if (state.options.labels && !quizzing) ui::drawLabels(structureLabels(state));
    {
        // Strokes in a warm yellow with a dark edge: readable over bone, muscle and background.
        ImDrawList* draw = ImGui::GetBackgroundDrawList();
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        const float width = std::max(2.0f, ImGui::GetFontSize() * 0.2f);
        const auto stroke = [&](const std::vector<glm::vec2>& points) {
            for (int pass = 0; pass < 2; ++pass)
                for (std::size_t i = 1; i < points.size(); ++i)
                    draw->AddLine(ImVec2(points[i - 1].x * size.x, points[i - 1].y * size.y),
                                  ImVec2(points[i].x * size.x, points[i].y * size.y),
                                  pass == 0 ? IM_COL32(0, 0, 0, 160) : IM_COL32(255, 220, 40, 255),
                                  pass == 0 ? width + 2.0f : width);
        };
        for (const auto& s : state.annotations.strokes) stroke(s);
        stroke(ui.currentStroke);
    }
    drawAnnotationTools(state.annotations, ui, actions);
    if (state.options.pose == "single-leg-stance" || state.options.pose == "trendelenburg")
        drawStanceArrows(state);
    ui::drawMainMenu(ui.panels, actions);
    ui::drawConditionList(state.content, state.conditionId, ui.conditionInput,
                          &ui.panels.conditions, actions);
    float legendWidth = 0.0f;
    if (const Condition* c = state.condition()) {
        ui::drawConditionInfo(state.scene, state.content, *c, state.audience,
                              &ui.panels.conditionInfo, actions);
        // The legend's own width settles only a frame after it appears (it sizes itself to
        // its text); the posture panel may open in that same frame, so take the larger.
        legendWidth = std::max(ui::drawLegend(*c, state.audience), ImGui::GetFontSize() * 14.0f) + 10.0f;
        ui::drawComparison(state.content, *c, state.content.findCondition(state.compareId),
                           state.audience, ui.painMapLeft, ui.painMapRight, ui.painMapAspect,
                           &ui.panels.compare, actions);
    }
    const Structure* selected = quizzing ? nullptr : state.scene.find(state.choices.selected);
    if (selected) {
        ui.panels.structureCard = true;
        bool open = true;
        ui::drawStructureCard(*selected, state.info.find(selected->id), state.condition(),
                              state.choices.pinnedLabels.count(selected->id) > 0, &open, actions);
        if (!open) actions.push_back(SelectStructureAction{""});
    }
    if (!quizzing && state.hovered >= 0 && state.hovered < static_cast<int>(state.scene.size()) &&
        !ImGui::GetIO().WantCaptureMouse)
        ui::drawHoverLabel(state.scene.structures()[state.hovered]);
    if (state.options.pose != "standing") ui.panels.pose = true;
    ui::drawPosePanel(state.options, state.rig, state.appliedPose, &ui.panels.pose, actions, legendWidth);
    ui::drawTourPanel(state.tours, state.recording, ui.tourInput, &ui.panels.tours, actions);
    if (state.tourPlayback)
        ui::drawTourCaption(state.tourPlayback->tour, state.tourPlayback->index, actions);
    if (state.quiz) ui.panels.quiz = true;
    ui::drawQuizPanel(state.quiz, state.scene, &ui.panels.quiz, actions);
    if (!ui.panels.quiz && state.quiz) actions.push_back(StopQuizAction{});
    ui::drawBookmarkPanel(state.bookmarkList, state.bookmarks.folder(), ui.bookmarkInput,
                          &ui.panels.bookmarks, actions);
    ui::drawStructurePanel(state.scene, state.view, state.info, state.choices.selected,
                           ui.structureSearch, &ui.panels.structures, actions);
    ui::drawViewPanel(state.options, &ui.panels.view, actions);
    ui::drawRedFlags(state.content, state.audience, &ui.panels.redFlags);
    ui::drawHelpWindow(&ui.panels.help);
    ui::drawAboutWindow(&ui.panels.about);
    ui::drawStatusBar(ui.stats);
}

}  // namespace medius::app
