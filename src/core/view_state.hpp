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
};

class ViewState {
public:
    // Makes one appearance per structure, keeping those whose index still exists.
    void syncWith(const Scene& scene);
    const std::vector<StructureAppearance>& appearances() const { return appearances_; }
    const StructureAppearance& appearance(std::size_t i) const { return appearances_[i]; }
    void setVisible(std::size_t i, bool visible);
    void setOpacity(std::size_t i, float opacity);
    void showAll();
    // Bumped on every change, so the renderer redraws only when something changed.
    std::uint64_t revision() const { return revision_; }

private:
    std::vector<StructureAppearance> appearances_;
    std::uint64_t revision_ = 0;
};

}  // namespace medius
