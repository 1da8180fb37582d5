#include "ui/exercise_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace medius::ui {

namespace {

ImVec4 toImGui(const glm::vec3& linear) {
    // The role colours are linear RGB; the UI draws in sRGB.
    const auto srgb = [](float c) {
        return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
    };
    return ImVec4(srgb(linear.r), srgb(linear.g), srgb(linear.b), 1.0f);
}

void drawCompression(const Exercise& e, const PoseRig& rig, float phase, bool patient) {
    constexpr int kSamples = 64;
    const CompressionTrack track = compressionAlong(e, rig, kSamples);
    ImGui::TextUnformatted(patient ? "Squeeze on the tendon during the move"
                                   : "Tendon compression along the movement");
    const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 4.5f);
    ImGui::PlotLines("##exercise-compression", track.indentation.data(), kSamples, 0, nullptr, 0.0f,
                     40.0f, size);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Where the squeeze goes beyond standing's by the margin: shaded red along the bottom.
    const float width = max.x - min.x, step = width / kSamples;
    for (int i = 0; i < kSamples; ++i)
        if (track.squeezes(track.indentation[i]))
            draw->AddRectFilled(ImVec2(min.x + i * step, max.y - ImGui::GetFontSize() * 0.4f),
                                ImVec2(min.x + (i + 1) * step, max.y), IM_COL32(220, 40, 30, 255));
    // The threshold line and the moment shown now.
    const float threshold = std::min((track.standing + kSqueezeMargin) / 40.0f, 1.0f);
    const float ty = max.y - threshold * (max.y - min.y);
    draw->AddLine(ImVec2(min.x, ty), ImVec2(max.x, ty), IM_COL32(220, 40, 30, 160), 1.0f);
    const float x = min.x + phase * width;
    draw->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), IM_COL32(255, 255, 255, 200), 2.0f);
    const float now = measureCompression(rig, exercisePoseAt(e, phase)).indentation;
    if (track.squeezes(now))
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "%s",
                           patient ? "This position squeezes the tendon."
                                   : "This position compresses the tendon.");
    else if (track.anySqueeze())
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "%s",
                           patient ? "Red marks: moments that squeeze the tendon."
                                   : "Red marks: positions that compress the tendon.");
    else
        ImGui::TextDisabled("%s", patient ? "No moment squeezes the tendon more than standing."
                                          : "No position compresses the tendon beyond standing.");
    if (!patient) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped(
            "Now %.1f mm; standing %.1f mm; flagged above %.1f mm. The iliotibial band drawn "
            "straight over the trochanter: a geometric measure, not a force.",
            now, track.standing, track.standing + kSqueezeMargin);
        ImGui::PopStyleColor();
    }
}

void drawPlaying(const ExercisePanelState& in, const Exercise& e, ActionQueue& actions) {
    const bool patient = in.audience == Audience::Patient;
    ImGui::Separator();
    ImGui::TextWrapped("%s", patient ? e.patientName.c_str() : e.name.c_str());
    const bool paused = in.clock && in.clock->paused();
    if (ImGui::Button(paused ? "Play" : "Pause")) actions.push_back(PauseExerciseAction{!paused});
    ImGui::SameLine();
    if (ImGui::Button("Stop")) actions.push_back(StopExerciseAction{});
    float phase = in.clock ? in.clock->phase() : 0.0f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::SliderFloat("##exercise-phase", &phase, 0.0f, 1.0f, patient ? "" : "phase %.2f")) {
        actions.push_back(PauseExerciseAction{true});  // scrubbing holds the moment
        actions.push_back(ScrubExerciseAction{phase});
    }
    if (in.onHandout) {
        bool picked =
            std::find(in.onHandout->begin(), in.onHandout->end(), e.id) != in.onHandout->end();
        if (ImGui::Checkbox("Put on the handout", &picked))
            actions.push_back(ToggleHandoutExerciseAction{e.id});
        // The dosage the handout gives, set by the physiotherapist: sets, and reps or a hold.
        if (picked && in.handoutDosage) {
            int sets = in.handoutDosage->sets, reps = in.handoutDosage->reps;
            int hold = static_cast<int>(in.handoutDosage->holdSeconds + 0.5f);
            const float width = ImGui::GetFontSize() * 4.0f;
            bool changed = false;
            ImGui::SetNextItemWidth(width);
            changed |= ImGui::DragInt("sets", &sets, 0.1f, 1, 10);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(width);
            changed |= ImGui::DragInt("reps", &reps, 0.2f, 0, 50);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(width);
            changed |= ImGui::DragInt("hold s", &hold, 0.5f, 0, 120);
            if (changed)
                actions.push_back(
                    SetHandoutDosageAction{e.id, sets, reps, static_cast<float>(hold)});
        }
    }
    ImGui::Text("%s %s", patient ? "How much:" : "Dosage:", e.dosageText().c_str());
    if (!patient) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Source: %s", e.dosageSource.c_str());
        ImGui::PopStyleColor();
    }
    for (const auto& m : e.muscles) {
        const Structure* s = in.scene ? in.scene->find(m.id) : nullptr;
        ImGui::ColorButton(("##" + m.id).c_str(), toImGui(muscleRoleColour(m.role)),
                           ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder,
                           ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
        ImGui::SameLine();
        const std::string name = patient && !m.patientName.empty() ? m.patientName
                                 : s                               ? s->name
                                                                   : m.id;
        ImGui::TextWrapped("%s: %s", muscleRoleLabel(m.role, patient), name.c_str());
    }
    ImGui::TextWrapped("%s", patient ? e.patientInstructions.c_str() : e.instructions.c_str());
    for (const auto& c : e.cautions) {
        ImGui::Bullet();
        // A rule of thumb says so, unless its own words already do.
        const std::string& text = patient ? c.patient : c.clinician;
        const bool says = text.find("rule of thumb") != std::string::npos;
        ImGui::TextWrapped("%s%s", text.c_str(),
                           c.ruleOfThumb && !says ? " (a clinical rule of thumb)" : "");
    }
    if (in.rig && in.rig->valid)
        drawCompression(e, *in.rig, in.clock ? in.clock->phase() : 0.0f, patient);
}

}  // namespace

void drawExercisePanel(const ExercisePanelState& in, ActionQueue& actions) {
    const bool patient = in.audience == Audience::Patient;
    for (ExerciseStage stage : kAllStages) {
        bool any = false;
        for (const Exercise* e : in.programme) {
            if (e->stage != stage) continue;
            if (!any)
                ImGui::TextDisabled("%s", patient ? stagePlainLabel(stage) : stageLabel(stage));
            any = true;
            const bool selected = in.playing == e;
            if (ImGui::Selectable(
                    (std::string(patient ? e->patientName : e->name) + "##" + e->id).c_str(),
                    selected))
                actions.push_back(selected ? Action{StopExerciseAction{}}
                                           : Action{PlayExerciseAction{e->id}});
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e->dosageText().c_str());
        }
    }
    if (!patient) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped(
            "Progress over 8-12 weeks; avoid adduction past the midline early on (fact sheet 4.7, "
            "clinical knowledge consistent with the LEAP programme).");
        ImGui::PopStyleColor();
    }
    if (in.playing) drawPlaying(in, *in.playing, actions);
}

}  // namespace medius::ui
