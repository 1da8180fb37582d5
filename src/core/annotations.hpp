#pragma once
// What a lecturer or physiotherapist adds on top of the model: freehand strokes
// over the view, and notes pinned to points on the model's surface. Saved with
// bookmarks and tour steps.
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace medius {

struct PinnedNote {
    glm::vec3 at{0.0f};  // on a structure's surface, pelvic frame, mm
    std::string text;
    bool operator==(const PinnedNote&) const = default;
};

struct Annotations {
    // Each stroke in view coordinates from 0 to 1 (x right, y down), so it survives a
    // resized window or a projector of another resolution.
    std::vector<std::vector<glm::vec2>> strokes;
    std::vector<PinnedNote> notes;
    bool empty() const { return strokes.empty() && notes.empty(); }
    bool operator==(const Annotations&) const = default;
};

}  // namespace medius
