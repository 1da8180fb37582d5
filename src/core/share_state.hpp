#pragma once
// What a student's browser needs to draw the lecturer's view (issue 14), as plain data, and
// its encoding as JSON: the whole state for a client that joins, and a small delta holding
// only what changed for the others. Pure C++: the frame loop fills it, the share server
// encodes and sends it, neither touches the other's objects.
#include <cstdint>
#include <glm/glm.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/annotations.hpp"
#include "core/orbit_camera.hpp"
#include "core/view_state.hpp"

namespace medius {

struct ShareStructure {
    std::string id;
    std::string name;         // English, shown when a student picks it
    std::string patientName;  // the condition's plain name for it; empty when none
    bool visible = true;
    float opacity = 1.0f;
    glm::vec3 colour{0.6f};  // linear RGB, as the renderer draws it
    bool highlighted = false;
    glm::vec3 outline{1.0f};
    bool painCanvas = false;  // the skin: pain zones are painted on it (a layer's, never changes)
    bool operator==(const ShareStructure&) const = default;
};

struct ShareRole {
    std::string label, plainLabel;
    glm::vec3 colour{1.0f};
    bool operator==(const ShareRole&) const = default;
};

struct ShareState {
    CameraPose camera;
    float fovY = 0.6f;
    float aspect = 1.6f;  // the lecturer's viewport, so a page can keep the same framing
    std::string conditionId, conditionName;
    std::string summary, patientSummary;  // the condition's summary in both wordings
    std::vector<ShareRole> roles;         // the colour key of the condition's roles
    std::string audience = "clinician";
    std::vector<ShareStructure> structures;
    std::string selected;
    std::optional<glm::vec4> section;  // kept where a*x + b*y + c*z + d >= 0
    std::vector<std::string> labels;   // structures labelled in the app
    std::string tourTitle, tourCaption;
    int tourStep = 0, tourSteps = 0;  // 1-based; 0 when no tour runs
    Annotations annotations;
    std::vector<PainSegment> pain;
    glm::vec3 localPainColour{0.0f}, referredPainColour{0.0f};  // linear RGB, the renderer's
    std::string posture;
    std::uint64_t sceneRevision = 0;  // the glTF changes with it (a new posture)
    bool operator==(const ShareState&) const;
};

// Every field, as one JSON object.
std::string encodeShareState(const ShareState& state);
// Only what differs from `before`, as one JSON object with the same keys (structures as
// {"i": index, ...} entries); an empty string when nothing differs. A different structure
// list (other ids) sends the whole list.
std::string encodeShareDelta(const ShareState& before, const ShareState& after);

// A JSON string literal (quotes included), escaping what JSON requires.
std::string jsonString(const std::string& text);

}  // namespace medius
