#pragma once
// How each structure is drawn right now: the state a selection implies,
// decided here in the data layer. The renderer reads it and never decides
// what anything means.
#include <cstdint>
#include <glm/glm.hpp>
#include <vector>

#include "core/structure.hpp"

namespace medius {

struct StructureAppearance {
    bool visible = true;
    float opacity = 1.0f;
    glm::vec3 colour{0.6f};  // linear RGB
    // Highlighted structures glow slightly and get an outline in their role's colour.
    bool highlighted = false;
    glm::vec3 outlineColour{1.0f};
    // The skin: pain zones are painted on it.
    bool painCanvas = false;
};

// One soft-edged capsule of a pain zone, resolved to the pelvic frame.
struct PainSegment {
    glm::vec3 a{0.0f}, b{0.0f};
    float radius = 40.0f;
    float intensity = 1.0f;
    bool referred = false;
};

class ViewState {
public:
    // The appearance a structure has when no condition is chosen: its layer's
    // colour; the skin hidden so the anatomy under it shows.
    static StructureAppearance defaultAppearance(const Structure& s);
    // Makes one appearance per structure, keeping those whose index still exists.
    void syncWith(const Scene& scene);
    const std::vector<StructureAppearance>& appearances() const { return appearances_; }
    const StructureAppearance& appearance(std::size_t i) const { return appearances_[i]; }
    void setVisible(std::size_t i, bool visible);
    void setOpacity(std::size_t i, float opacity);
    void showAll();
    // Replaces every appearance at once (what a chosen condition implies).
    void setAppearances(std::vector<StructureAppearance> appearances);
    const std::vector<PainSegment>& painSegments() const { return painSegments_; }
    void setPainSegments(std::vector<PainSegment> segments);
    // Bumped on every change, so the renderer redraws only when something changed.
    std::uint64_t revision() const { return revision_; }

private:
    std::vector<StructureAppearance> appearances_;
    std::vector<PainSegment> painSegments_;
    std::uint64_t revision_ = 0;
};

}  // namespace medius
