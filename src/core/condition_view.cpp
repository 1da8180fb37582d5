#include "core/condition_view.hpp"

namespace medius {

glm::vec3 roleColour(Role role) {
    switch (role) {
        case Role::PainSource: return {0.665f, 0.112f, 0.0f};      // vermillion #D55E00
        case Role::Compressing: return {0.0f, 0.168f, 0.445f};     // blue #0072B2
        case Role::Weak: return {0.604f, 0.191f, 0.386f};          // reddish purple #CC79A7
        case Role::Compensating: return {0.0f, 0.342f, 0.171f};    // bluish green #009E73
        case Role::ReferralSource: return {0.791f, 0.347f, 0.0f};  // orange #E69F00
        case Role::MayReact: return {0.093f, 0.456f, 0.815f};      // sky blue #56B4E9
    }
    return {1.0f, 1.0f, 1.0f};
}

// A warm red for where it hurts and a yellow for where it is referred: the two
// stay distinct for the common colour-vision deficiencies by lightness.
glm::vec3 localPainColour() { return {0.70f, 0.02f, 0.03f}; }
glm::vec3 referredPainColour() { return {0.87f, 0.78f, 0.05f}; }

std::optional<Role> roleOf(const Condition& condition, const std::string& structureId) {
    for (const auto& s : condition.structures)
        if (s.id == structureId) return s.role;
    return std::nullopt;
}

std::vector<StructureAppearance> conditionAppearances(const Scene& scene, const Condition* condition) {
    std::vector<StructureAppearance> out;
    out.reserve(scene.size());
    for (const auto& s : scene.structures()) {
        StructureAppearance a = ViewState::defaultAppearance(s);
        if (!condition) {
            out.push_back(a);
            continue;
        }
        if (const auto role = roleOf(*condition, s.id)) {
            a.visible = true;
            // Pain sources are solid; the other roles are see-through enough that a pain
            // source under them (a tendon under the iliotibial band) still shows.
            a.opacity = *role == Role::PainSource ? 1.0f : 0.42f;
            a.colour = roleColour(*role);
            a.highlighted = true;
            a.outlineColour = glm::mix(roleColour(*role), glm::vec3(1.0f), 0.25f);
        } else if (s.layer == Layer::Skin) {
            // The canvas for pain: see-through where it does not hurt.
            a.visible = true;
            a.opacity = 0.16f;
        } else if (s.layer == Layer::Bone) {
            // Bones stay as a landmark frame, but never hide what is highlighted.
            a.opacity = 0.45f;
            a.colour = glm::mix(a.colour, glm::vec3(0.5f), 0.3f);
        } else {
            a.opacity = 0.12f;
            a.colour = glm::mix(a.colour, glm::vec3(0.45f), 0.6f);
        }
        out.push_back(a);
    }
    return out;
}

std::vector<StructureAppearance> composeAppearances(const Scene& scene, const Condition* condition,
                                                   const ViewChoices& choices, bool xray) {
    std::vector<StructureAppearance> out = conditionAppearances(scene, condition);
    const auto& structures = scene.structures();
    for (std::size_t i = 0; i < structures.size(); ++i) {
        const std::string& id = structures[i].id;
        StructureAppearance& a = out[i];
        if (auto it = choices.visible.find(id); it != choices.visible.end()) a.visible = it->second;
        if (auto it = choices.opacity.find(id); it != choices.opacity.end()) a.opacity = it->second;
        const bool selected = id == choices.selected;
        // A labelled structure (a tour's highlight, or a label the user pinned) is outlined too.
        if (!selected && choices.pinnedLabels.count(id) && a.visible) {
            a.highlighted = true;
            if (!condition || !roleOf(*condition, id)) a.outlineColour = glm::vec3(0.95f, 0.85f, 0.35f);
        }
        if (selected) {
            a.visible = true;
            a.opacity = 1.0f;
            a.highlighted = true;
            a.outlineColour = glm::vec3(1.0f, 0.95f, 0.6f);  // a warm white, unlike any role
        } else if (xray && !a.highlighted && !a.painCanvas) {
            a.opacity = std::min(a.opacity, 0.15f);
        }
    }
    return out;
}

std::vector<PainSegment> resolvePainZones(const Scene& scene, const Condition& condition,
                                          DiagnosticSink& sink) {
    std::vector<PainSegment> out;
    const auto& landmarks = scene.landmarks();
    for (const auto& zone : condition.painZones) {
        std::vector<glm::vec3> points;
        for (const auto& p : zone.path) {
            auto it = landmarks.find(p.landmark);
            if (it == landmarks.end()) {
                sink.warning(condition.file, zone.line,
                             "pain zone '" + zone.label + "': landmark '" + p.landmark +
                                 "' is not on this body; that point is skipped");
                continue;
            }
            points.push_back(it->second + p.offset);
        }
        if (points.empty()) continue;
        if (points.size() == 1) points.push_back(points.front());
        for (std::size_t i = 0; i + 1 < points.size(); ++i)
            out.push_back({points[i], points[i + 1], zone.radius, zone.intensity,
                           zone.kind == ZoneKind::Referred});
    }
    return out;
}

Bounds conditionFocus(const Scene& scene, const Condition& condition,
                      const std::vector<PainSegment>& zones) {
    Bounds b;
    for (const auto& s : condition.structures)
        if (const Structure* st = scene.find(s.id)) b.extend(st->mesh.bounds());
    for (const auto& z : zones) {
        b.extend(z.a - glm::vec3(z.radius * 0.5f));
        b.extend(z.a + glm::vec3(z.radius * 0.5f));
        b.extend(z.b - glm::vec3(z.radius * 0.5f));
        b.extend(z.b + glm::vec3(z.radius * 0.5f));
    }
    return b;
}

}  // namespace medius
