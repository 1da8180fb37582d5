#include "core/view_state.hpp"

#include <algorithm>

namespace medius {

void ViewState::syncWith(const Scene& scene) {
    const auto& structures = scene.structures();
    const std::size_t kept = std::min(appearances_.size(), structures.size());
    appearances_.resize(structures.size());
    for (std::size_t i = kept; i < structures.size(); ++i)
        appearances_[i] = StructureAppearance{true, 1.0f, layerColour(structures[i].layer)};
    ++revision_;
}

void ViewState::setVisible(std::size_t i, bool visible) {
    if (i >= appearances_.size() || appearances_[i].visible == visible) return;
    appearances_[i].visible = visible;
    ++revision_;
}

void ViewState::setOpacity(std::size_t i, float opacity) {
    opacity = std::clamp(opacity, 0.0f, 1.0f);
    if (i >= appearances_.size() || appearances_[i].opacity == opacity) return;
    appearances_[i].opacity = opacity;
    ++revision_;
}

void ViewState::showAll() {
    for (auto& a : appearances_) a.visible = true;
    ++revision_;
}

}  // namespace medius
