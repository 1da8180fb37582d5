#pragma once
// Places leader-line labels for structures: each label sits in a column at the
// left or right edge of the view (left when its anchor is left of the anchors'
// mean, so a cluster splits between the sides), in the order of
// the anchors' heights, pushed apart so no two overlap. Recomputed every frame
// from the projected anchors, so labels follow the model while it rotates.
// Labels never leave the area and never overlap: when there is no room, the least
// important (latest requested) are dropped and counted, for a "+N more" note.
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace medius {

struct LabelRequest {
    std::string text;
    glm::vec2 anchor;  // screen position of the structure, pixels, y down
    glm::vec2 size;    // size of the label's box in pixels (text and padding)
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

// Requests come most important first; the returned labels keep no particular order.
std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest>& requests,
                                      const LabelArea& area);

struct LabelPlacement {
    std::vector<PlacedLabel> labels;
    int dropped = 0;           // requests left out for want of room
    glm::vec2 noteTopLeft{0};  // where the "+N more" note goes (when dropped > 0)
};
// The part of a 3D view labels may use: all of it but a thin margin, so no label box
// reaches a sidebar or the view's edge. `fontSize` is one em in pixels.
LabelArea labelAreaInView(glm::vec2 viewMin, glm::vec2 viewSize, float fontSize);

// layoutLabels, and when some do not fit, again with a line of `noteSize` kept free at the
// foot of the area for the note that counts them.
LabelPlacement placeLabels(const std::vector<LabelRequest>& requests, const LabelArea& area,
                           glm::vec2 noteSize);

}  // namespace medius
