#include "ui/pose_panel.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>
#include <vector>

namespace medius::ui {

void drawPosePanel(const ViewOptions& options, const PoseRig& rig, const HipPose& current,
                   ActionQueue& actions) {
    for (const auto& p : posePresets()) {
        if (ImGui::RadioButton(p.label, options.pose == p.name))
            actions.push_back(SetViewOptionAction{"pose", p.name});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.why);
    }
    const auto slider = [&](const char* label, const char* option, float value, float lo, float hi) {
        if (ImGui::SliderFloat(label, &value, lo, hi, "%.0f deg")) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%g", value);
            actions.push_back(SetViewOptionAction{option, buf});
        }
    };
    slider("Adduction", "hip-adduction", current.adduction, -30, 40);
    slider("Flexion", "hip-flexion", current.flexion, -20, 110);
    slider("Internal rotation", "hip-rotation", current.rotation, -40, 40);
    if (!rig.valid) {
        ImGui::TextDisabled("No femur and iliotibial band in this scene to measure.");
        return;
    }
    if (options.pose == "single-leg-stance" || options.pose == "trendelenburg") {
        const StanceLever lever = stanceLever(rig, current);
        ImGui::TextWrapped("Standing on the right leg: body weight acts %.0f mm from the hip centre, "
                           "the abductors pull %.0f mm from it, so they must pull about %.1f times body "
                           "weight to keep the pelvis level.%s",
                           lever.weightArm, lever.abductorArm, lever.forceRatio,
                           current.pelvisDrop > 0.0f ? " Here they cannot: the pelvis drops on the lifted "
                                                       "side (Trendelenburg sign)."
                                                     : "");
    }
    const Compression now = measureCompression(rig, current);
    ImGui::Separator();
    ImGui::TextWrapped("Band pressing on the tendons: %.1f mm (wraps %.0f deg)", now.indentation, now.wrapAngle);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("How far the iliotibial band, pulled straight, would pass into the tendon "
                       "layer over the trochanter: a geometric measure, not a force.");
    ImGui::PopStyleColor();
    // The measure from 30 degrees of abduction to 40 of adduction at this flexion and rotation.
    std::vector<float> curve;
    for (int a = -30; a <= 40; ++a)
        curve.push_back(measureCompression(rig, {static_cast<float>(a), current.flexion, current.rotation}).indentation);
    const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 6);
    ImGui::PlotLines("##compression", curve.data(), static_cast<int>(curve.size()), 0,
                     "against adduction (-30 to 40 deg)", 0.0f, 40.0f, size);
    // The current posture, marked on the curve.
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float t = (current.adduction + 30.0f) / 70.0f;
    const float x = min.x + t * (max.x - min.x);
    const float y = max.y - std::min(now.indentation / 40.0f, 1.0f) * (max.y - min.y);
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(x, y), ImGui::GetFontSize() * 0.3f, IM_COL32(255, 60, 40, 255));
}

}  // namespace medius::ui
