#pragma once
// Places leader-line labels for structures: each label sits in a column at the
// left or right edge of the view (left when its anchor is left of the anchors'
// mean, so a cluster splits between the sides), in the order of
// the anchors' heights, pushed apart so no two overlap. Recomputed every frame
// from the projected anchors, so labels follow the model while it rotates.
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace medius {

struct LabelRequest {
    std::string text;
    glm::vec2 anchor;  // screen position of the structure, pixels, y down
    glm::vec2 size;    // text size in pixels
};

struct PlacedLabel {
    std::string text;
    glm::vec2 anchor;
    glm::vec2 topLeft;  // of the label box
    glm::vec2 size;
    bool rightSide = false;
};

struct LabelArea {
    glm::vec2 min{0.0f}, max{0.0f};  // the part of the screen labels may use
    float gap = 4.0f;                // vertical space between labels
    float margin = 12.0f;            // from the area's side edges
};

std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest>& requests, const LabelArea& area);

}  // namespace medius
