#include "ui/quiz_panel.hpp"

#include <imgui.h>

namespace medius::ui {

namespace {
const char* nameOf(const Scene& scene, const std::string& id) {
    const Structure* s = scene.find(id);
    return s ? s->name.c_str() : id.c_str();
}
}  // namespace

void drawQuizPanel(const std::optional<QuizSession>& quiz, const Scene& scene, bool* open,
                   ActionQueue& actions) {
    if (!*open) return;
    if (!quiz) {
        ImGui::TextUnformatted("Medius names a structure; click it on the model.");
        if (ImGui::Button("Start: 10 questions")) actions.push_back(StartQuizAction{10, 1});
    } else if (!quiz->finished()) {
        ImGui::Text("Question %d of %d   score %d", quiz->asked() + 1, quiz->total(), quiz->score());
        ImGui::TextColored(ImVec4(1.0f, 0.9f, 0.5f, 1.0f), "Click the %s", nameOf(scene, quiz->target()));
        if (!quiz->answers().empty()) {
            const auto& last = quiz->answers().back();
            if (last.right)
                ImGui::TextColored(ImVec4(0.3f, 0.85f, 0.5f, 1.0f), "Right: %s", nameOf(scene, last.target));
            else
                ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.4f, 1.0f), "That was the %s (outlined: the %s)",
                                   last.picked.empty() ? "skip" : nameOf(scene, last.picked),
                                   nameOf(scene, last.target));
        }
        if (ImGui::Button("Skip")) actions.push_back(QuizAnswerAction{""});
        ImGui::SameLine();
        if (ImGui::Button("Stop")) actions.push_back(StopQuizAction{});
    } else {
        ImGui::Text("Score: %d of %d", quiz->score(), quiz->total());
        for (const auto& a : quiz->answers()) {
            ImGui::TextColored(a.right ? ImVec4(0.3f, 0.85f, 0.5f, 1.0f) : ImVec4(1.0f, 0.5f, 0.4f, 1.0f),
                               "%s %s", a.right ? "right" : "wrong", nameOf(scene, a.target));
            if (!a.right)
                ImGui::TextDisabled("    you chose: %s", a.picked.empty() ? "(skipped)" : nameOf(scene, a.picked));
        }
        if (ImGui::Button("Again")) actions.push_back(StartQuizAction{10, static_cast<std::uint32_t>(quiz->total() + quiz->score() + 1)});
        ImGui::SameLine();
        if (ImGui::Button("Close")) actions.push_back(StopQuizAction{});
    }
}

}  // namespace medius::ui
