#pragma once
// What choosing a condition means for the picture: its structures lit in
// their role's colour and outlined, everything else ghosted, its pain zones
// resolved onto the body's landmarks, and where the camera should look.
// Decided here, in the data layer; the renderer only draws it.
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "core/condition.hpp"
#include "core/diagnostics.hpp"
#include "core/orbit_camera.hpp"
#include "core/structure.hpp"
#include "core/view_state.hpp"

namespace medius {

// Colour-blind-safe role colours (Okabe & Ito palette), linear RGB.
glm::vec3 roleColour(Role role);
// Pain colours, linear RGB: local pain, referred pain.
glm::vec3 localPainColour();
glm::vec3 referredPainColour();

// Appearances for `condition` (or the plain anatomy when it is null).
std::vector<StructureAppearance> conditionAppearances(const Scene& scene, const Condition* condition);

// What the user chose on top of a condition: shown or hidden structures, their
// opacity, the selected structure, X-ray. Keyed by structure id, so bookmarks
// and undo keep meaning across rebuilds.
struct ViewChoices {
    std::map<std::string, bool> visible;
    std::map<std::string, float> opacity;
    std::string selected;
    std::set<std::string> pinnedLabels;  // structures the user labelled
    bool operator==(const ViewChoices&) const = default;
};

// The condition's appearances with the user's choices applied; with `xray`
// everything but the selection (and the condition's structures) turns see-through.
std::vector<StructureAppearance> composeAppearances(const Scene& scene, const Condition* condition,
                                                   const ViewChoices& choices, bool xray);

// Pain zones as capsules through the scene's landmarks. Unknown landmarks are
// reported (the content check normally catches them first) and skipped.
std::vector<PainSegment> resolvePainZones(const Scene& scene, const Condition& condition,
                                          DiagnosticSink& sink);

// The box a condition's view should show: its structures and pain zones.
Bounds conditionFocus(const Scene& scene, const Condition& condition,
                      const std::vector<PainSegment>& zones);

// The role a structure has in a condition, if any.
std::optional<Role> roleOf(const Condition& condition, const std::string& structureId);

}  // namespace medius
