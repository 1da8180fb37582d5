#include "app/ui_frame.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/labels.hpp"
#include "ui/exercise_panel.hpp"
#include "ui/pose_panel.hpp"
#include "ui/quiz_panel.hpp"
#include "ui/sidebar.hpp"
#include "ui/structure_card.hpp"

namespace medius::app {

namespace {
bool quizzing(const AppState& state) {
    return state.quiz && !state.quiz->finished();
}

// Labels in one 3D view: the structures of its condition, the pinned ones and the
// selection, at their projected centres, most important first (the selection, then what
// the user pinned, then the condition's own), so crowding drops the least important.
LabelPlacement structureLabels(const AppState& state, const Condition* condition,
                               const ScreenRect& view) {
    std::vector<std::string> ids;
    if (!state.choices.selected.empty()) ids.push_back(state.choices.selected);
    for (const auto& id : state.choices.pinnedLabels) ids.push_back(id);
    if (condition)
        for (const auto& s : condition->structures) ids.push_back(s.id);
    std::vector<std::string> unique;
    for (const auto& id : ids)
        if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(id);
    std::vector<LabelRequest> requests;
    const auto request = [&](const std::string& text, const glm::vec3& at) {
        const auto p = state.camera.projectToView(at, view.min(), view.size());
        // Only anchors inside the view get a label: a leader never starts under a sidebar.
        if (!p || !view.contains(*p)) return;
        requests.push_back({text, *p, ui::labelBoxSize(text)});
    };
    // In patient wording a structure of the condition is labelled with its patient name.
    const auto labelOf = [&](const Structure& s) {
        if (state.audience == Audience::Patient && condition)
            for (const auto& involved : condition->structures)
                if (involved.id == s.id && !involved.patientName.empty()) return involved.patientName;
        return s.name;
    };
    for (const auto& id : unique)
        if (const Structure* s = state.scene.find(id)) request(labelOf(*s), s->mesh.bounds().centre());
    // Notes pinned to the model go through the same layout as structure labels.
    for (const auto& note : state.annotations.notes) request("\"" + note.text + "\"", note.at);
    return placeLabels(requests, labelAreaInView(view.min(), view.size(), ImGui::GetFontSize()),
                       ui::labelBoxSize("+99 more"));
}

// Single-leg stance as a lever: body weight down the midline with its arm to the hip, and the
// abductors' pull from the trochanter toward the iliac crest, as long as the force it needs.
void drawStanceArrows(const AppState& state, const ScreenRect& view) {
    if (!state.rig.valid) return;
    const StanceLever lever = stanceLever(state.rig, state.appliedPose);
    const auto screen = [&](const glm::vec3& p) {
        const glm::vec2 s =
            state.camera.projectToView(p, view.min(), view.size()).value_or(view.min());
        return ImVec2(s.x, s.y);
    };
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->PushClipRect(ImVec2(view.x, view.y), ImVec2(view.right(), view.bottom()), true);
    const float w = std::max(3.0f, ImGui::GetFontSize() * 0.22f);
    const auto arrow = [&](glm::vec3 from, glm::vec3 to, ImU32 colour, const char* label) {
        const ImVec2 a = screen(from), b = screen(to);
        draw->AddLine(a, b, IM_COL32(0, 0, 0, 200), w + 3);
        draw->AddLine(a, b, colour, w);
        const glm::vec2 d = glm::normalize(glm::vec2(b.x - a.x, b.y - a.y) + glm::vec2(1e-6f));
        const glm::vec2 n(-d.y, d.x);
        const float h = w * 4.0f;
        draw->AddTriangleFilled(
            b, ImVec2(b.x - d.x * h + n.x * h * 0.6f, b.y - d.y * h + n.y * h * 0.6f),
            ImVec2(b.x - d.x * h - n.x * h * 0.6f, b.y - d.y * h - n.y * h * 0.6f), colour);
        draw->AddText(ImVec2(b.x + 8, b.y - 8), colour, label);
    };
    arrow(lever.weightPoint, lever.weightPoint + glm::vec3(0, -160, 0), IM_COL32(90, 180, 255, 255),
          "body weight");
    const glm::vec3 pull =
        glm::normalize(lever.crest - lever.trochanter) * (60.0f * lever.forceRatio);
    arrow(lever.trochanter, lever.trochanter + pull, IM_COL32(255, 90, 60, 255), "abductors");
    // The weight's moment arm: from the hip centre across to the weight's line, at hip height.
    const glm::vec3 across(lever.weightPoint.x, lever.hip.y, lever.weightPoint.z);
    draw->AddLine(screen(lever.hip), screen(across), IM_COL32(255, 255, 255, 220), 2.0f);
    draw->AddCircleFilled(screen(lever.hip), w * 1.5f, IM_COL32(255, 255, 255, 255));
    draw->PopClipRect();
}

// Strokes in a warm yellow with a dark edge: readable over bone, muscle and background.
// They are stored in 0..1 of the viewport, so they stay on the model when a sidebar moves.
void drawStrokes(const Annotations& annotations, const std::vector<glm::vec2>& current,
                 const ScreenRect& view) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->PushClipRect(ImVec2(view.x, view.y), ImVec2(view.right(), view.bottom()), true);
    const float width = std::max(2.0f, ImGui::GetFontSize() * 0.2f);
    const auto at = [&](glm::vec2 p) {
        return ImVec2(view.x + p.x * view.width, view.y + p.y * view.height);
    };
    const auto stroke = [&](const std::vector<glm::vec2>& points) {
        for (int pass = 0; pass < 2; ++pass)
            for (std::size_t i = 1; i < points.size(); ++i)
                draw->AddLine(at(points[i - 1]), at(points[i]),
                              pass == 0 ? IM_COL32(0, 0, 0, 160) : IM_COL32(255, 220, 40, 255),
                              pass == 0 ? width + 2.0f : width);
    };
    for (const auto& s : annotations.strokes) stroke(s);
    stroke(current);
    draw->PopClipRect();
}

// The pen: draw, place a note, clear.
void drawAnnotationTools(UiState& ui, ActionQueue& actions) {
    int pen = static_cast<int>(ui.pen);
    ImGui::RadioButton("Rotate", &pen, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Draw", &pen, 1);
    ImGui::SameLine();
    ImGui::RadioButton("Note", &pen, 2);
    ui.pen = static_cast<UiState::Pen>(pen);
    if (ui.pen == UiState::Pen::Note) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##note", "note text, then click the model", ui.noteText,
                                 sizeof ui.noteText);
    }
    if (ImGui::Button("Clear all")) actions.push_back(ClearAnnotationsAction{});
}

// The condition's name at the top of each half of a comparison.
void drawViewTitle(const std::string& text, const ScreenRect& view) {
    const glm::vec2 size = ui::labelBoxSize(text);
    const ImVec2 min(view.x + (view.width - size.x) * 0.5f, view.y + ImGui::GetFontSize() * 0.4f);
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), IM_COL32(20, 22, 26, 220),
                        ui::labelPadding());
    draw->AddText(ImVec2(min.x + ui::labelPadding(), min.y + ui::labelPadding()),
                  IM_COL32(255, 220, 160, 255), text.c_str());
}

void drawLeftSidebar(const AppState& state, UiState& ui, ActionQueue& actions) {
    const ui::SidebarSpec spec{
        "##left sidebar",          "Browse",       ui::SidebarSide::Left, ui.layout.leftSidebar,
        state.options.leftSidebar, "left-sidebar", "left-sidebar-width",  "["};
    if (ui::beginSidebar(spec, actions)) {
        const auto& was = ui.shownLastFrame;
        if (ui::sidebarSection("Conditions"))
            ui::drawConditionList(state.content, state.conditionId, ui.conditionInput, actions);
        if (const Condition* c = state.condition(); c && ui::sidebarSection("Colour key"))
            ui::drawLegend(*c, state.audience);
        bool reveal = ui.panels.structures && !was.structures;
        if (ui::sidebarSection("Structures", &ui.panels.structures, &reveal))
            ui::drawStructurePanel(state.scene, state.view, state.info, state.choices.selected,
                                   ui.structureSearch, &ui.panels.structures, actions);
        reveal = ui.panels.tours && !was.tours;
        if (ui::sidebarSection("Tours", &ui.panels.tours, &reveal))
            ui::drawTourPanel(state.tours, state.recording, ui.tourInput, &ui.panels.tours,
                              actions);
        reveal = ui.panels.view && !was.view;
        if (ui::sidebarSection("Display options", &ui.panels.view, &reveal))
            ui::drawViewPanel(state.options, &ui.panels.view, actions);
    }
    ui::endSidebar(spec, actions);
}

void drawRightSidebar(const AppState& state, UiState& ui, ActionQueue& actions) {
    const ui::SidebarSpec spec{
        "##right sidebar",          "Details",       ui::SidebarSide::Right, ui.layout.rightSidebar,
        state.options.rightSidebar, "right-sidebar", "right-sidebar-width",  "]"};
    if (ui::beginSidebar(spec, actions)) {
        const auto& was = ui.shownLastFrame;
        const Structure* selected =
            quizzing(state) ? nullptr : state.scene.find(state.choices.selected);
        if (selected) {
            bool keep = true;
            if (ui::sidebarSection("Structure", &keep)) {
                bool open = true;
                ui::drawStructureCard(*selected, state.info.find(selected->id), state.condition(),
                                      state.choices.pinnedLabels.count(selected->id) > 0, &open,
                                      actions);
            }
            if (!keep) actions.push_back(SelectStructureAction{""});
        }
        if (state.quiz) ui.panels.quiz = true;
        bool reveal = ui.panels.quiz && !was.quiz;
        if (ui::sidebarSection("Quiz", &ui.panels.quiz, &reveal))
            ui::drawQuizPanel(state.quiz, state.scene, &ui.panels.quiz, actions);
        if (!ui.panels.quiz && state.quiz) actions.push_back(StopQuizAction{});
        if (const Condition* c = state.condition()) {
            if (ui::sidebarSection("About this condition"))
                ui::drawConditionInfo(state.scene, state.content, *c, state.audience, actions);
            reveal = ui.panels.compare && !was.compare;
            if (ui::sidebarSection("Compare with another condition", &ui.panels.compare, &reveal))
                ui::drawComparison(state.content, *c, state.content.findCondition(state.compareId),
                                   state.audience, actions);
        } else if (!selected) {
            ImGui::TextDisabled("Choose a condition on the left, or click a structure.");
        }
        // The programme, where the condition has one (issue 15); it opens while one plays.
        if (const Condition* c = state.condition()) {
            const auto programme = programmeFor(state.exercises(), c->id);
            const std::optional<Exercise> handoutDosage =
                state.exercise() ? std::optional<Exercise>(state.forHandout(*state.exercise())) : std::nullopt;
            if (!programme.empty()) {
                if (state.exercise()) ui.panels.exercises = true;
                reveal = ui.panels.exercises && !was.exercises;
                if (ui::sidebarSection(state.audience == Audience::Patient ? "Exercises" : "Exercise programme",
                                       &ui.panels.exercises, &reveal))
                    ui::drawExercisePanel({programme, state.exercise(), &state.exerciseClock, &state.rig,
                                           &state.scene, state.audience, &state.handoutExercises,
                                           handoutDosage ? &*handoutDosage : nullptr},
                                          actions);
                if (!ui.panels.exercises && state.exercise()) actions.push_back(StopExerciseAction{});
            }
        }
        if (state.options.pose != "standing") ui.panels.pose = true;
        reveal = ui.panels.pose && !was.pose;
        if (ui::sidebarSection("Posture and compression", &ui.panels.pose, &reveal))
            ui::drawPosePanel(state.options, state.rig, state.appliedPose, actions);
        reveal = ui.panels.bookmarks && !was.bookmarks;
        if (ui::sidebarSection("Bookmarks", &ui.panels.bookmarks, &reveal))
            ui::drawBookmarkPanel(state.bookmarkList, state.bookmarks.folder(), ui.bookmarkInput,
                                  &ui.panels.bookmarks, actions);
        if (ui.pen != UiState::Pen::Off || !state.annotations.empty()) {
            bool annotating = true;
            if (ui::sidebarSection("Annotate", &annotating)) drawAnnotationTools(ui, actions);
            if (!annotating) ui.pen = UiState::Pen::Off;
        }
    }
    ui::endSidebar(spec, actions);
}
}  // namespace

bool comparing(const AppState& state, const UiState& ui) {
    return ui.panels.compare && state.condition() && state.content.findCondition(state.compareId);
}

PanelLayout layoutFor(const AppState& state, const UiState& ui, float menuBarHeight) {
    LayoutMetrics metrics;
    metrics.window = {ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y};
    metrics.fontSize = ImGui::GetFontSize();
    metrics.menuBarHeight = menuBarHeight;
    metrics.statusBarHeight = ImGui::GetFrameHeight();
    SidebarChoice choice;
    choice.leftOpen = state.options.leftSidebar;
    choice.rightOpen = state.options.rightSidebar;
    choice.leftWidthEm = state.options.leftSidebarWidth;
    choice.rightWidthEm = state.options.rightSidebarWidth;
    choice.panelsHidden = ui.hidden;
    const int views = comparing(state, ui) ? 2 : 1;
    PanelLayout layout = computePanelLayout(metrics, choice, views);
    if (state.tourPlayback && !ui.hidden) {
        metrics.captionHeight = ui::tourCaptionHeight(
            state.tourPlayback->tour, state.tourPlayback->index, layout.viewport.width);
        layout = computePanelLayout(metrics, choice, views);
    }
    return layout;
}

void buildUi(const AppState& state, UiState& ui, ActionQueue& actions) {
    ui.labels.clear();
    if (ui.hidden) {
        ui.layout = layoutFor(state, ui, 0.0f);
        return;
    }
    const float menuHeight = ui::drawMainMenu(ui.panels, state.options, ui.stats.share.on, actions);
    ui.layout = layoutFor(state, ui, menuHeight > 0.0f ? menuHeight : ImGui::GetFrameHeight());
    const PanelLayout& layout = ui.layout;
    // A running quiz hides every name on the model: labels, hover and the card.
    if (state.options.labels && !quizzing(state)) {
        for (std::size_t i = 0; i < layout.views.size(); ++i) {
            const Condition* c =
                i == 0 ? state.condition() : state.content.findCondition(state.compareId);
            ui.labels.push_back(structureLabels(state, c, layout.views[i]));
            ui::drawLabels(ui.labels.back());
        }
    }
    if (layout.views.size() > 1) {
        drawViewTitle(state.condition()->name, layout.views[0]);
        drawViewTitle(state.content.findCondition(state.compareId)->name, layout.views[1]);
    }
    drawStrokes(state.annotations, ui.currentStroke, layout.viewport);
    if (state.options.pose == "single-leg-stance" || state.options.pose == "trendelenburg")
        drawStanceArrows(state, layout.views.front());
    drawLeftSidebar(state, ui, actions);
    drawRightSidebar(state, ui, actions);
    if (state.tourPlayback)
        ui::drawTourCaption(state.tourPlayback->tour, state.tourPlayback->index, layout.caption,
                            actions);
    if (!quizzing(state) && state.hovered >= 0 &&
        state.hovered < static_cast<int>(state.scene.size()) && !ImGui::GetIO().WantCaptureMouse)
        ui::drawHoverLabel(state.scene.structures()[state.hovered]);
    ui::drawRedFlags(state.content, state.audience, &ui.panels.redFlags);
    ui::drawHelpWindow(&ui.panels.help);
    ui::drawAboutWindow(&ui.panels.about);
    if (!layout.views.empty()) ui::drawShareCode(ui.stats.share, layout.views.back(), state.options.theme == "projector");
    ui::drawStatusBar(ui.stats, layout.statusBar);
    ui.shownLastFrame = ui.panels;
}

}  // namespace medius::app
