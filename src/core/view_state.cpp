#include "core/view_state.hpp"

#include <algorithm>

namespace medius {

void ViewState::syncWith(const Scene& scene) {
    const auto& structures = scene.structures();
    const std::size_t kept = std::min(appearances_.size(), structures.size());
    appearances_.resize(structures.size());
    for (std::size_t i = kept; i < structures.size(); ++i)
        appearances_[i] = defaultAppearance(structures[i]);
    ++revision_;
}

StructureAppearance ViewState::defaultAppearance(const Structure& s) {
    StructureAppearance a;
    a.colour = layerColour(s.layer);
    a.visible = s.layer != Layer::Skin;
    a.painCanvas = s.layer == Layer::Skin;
    return a;
}

void ViewState::setAppearances(std::vector<StructureAppearance> appearances) {
    appearances_ = std::move(appearances);
    ++revision_;
}

void ViewState::setPainSegments(std::vector<PainSegment> segments) {
    painSegments_ = std::move(segments);
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
