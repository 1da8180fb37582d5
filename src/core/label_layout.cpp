#include "core/label_layout.hpp"

#include <algorithm>

namespace medius {

namespace {
// Stacks one column: sorted by anchor height, pushed down past each other, then pulled
// back up as a block if the last one ran past the bottom.
void stackColumn(std::vector<PlacedLabel>& column, const LabelArea& area) {
    std::sort(column.begin(), column.end(),
              [](const PlacedLabel& a, const PlacedLabel& b) { return a.anchor.y < b.anchor.y; });
    float nextFree = area.min.y;
    for (auto& label : column) {
        const float wanted = label.anchor.y - label.size.y * 0.5f;
        label.topLeft.y = std::max(wanted, nextFree);
        nextFree = label.topLeft.y + label.size.y + area.gap;
    }
    float overflow = nextFree - area.gap - area.max.y;
    for (auto it = column.rbegin(); it != column.rend() && overflow > 0.0f; ++it) {
        it->topLeft.y -= overflow;
        const auto next = it + 1;
        if (next != column.rend()) {
            // The one above must end before this one starts.
            const float limit = it->topLeft.y - area.gap - next->size.y;
            overflow = std::max(0.0f, next->topLeft.y - limit);
        } else {
            overflow = 0.0f;
        }
    }
}
}  // namespace

std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest>& requests, const LabelArea& area) {
    // Anchors left of their mean go to the left column: the labels of a cluster split
    // between both sides instead of piling up on one.
    float middle = (area.min.x + area.max.x) * 0.5f;
    if (!requests.empty()) {
        middle = 0.0f;
        for (const auto& r : requests) middle += r.anchor.x;
        middle /= static_cast<float>(requests.size());
    }
    std::vector<PlacedLabel> left, right;
    for (const auto& r : requests) {
        PlacedLabel p{r.text, r.anchor, {0.0f, 0.0f}, r.size, r.anchor.x >= middle};
        p.topLeft.x = p.rightSide ? area.max.x - area.margin - r.size.x : area.min.x + area.margin;
        (p.rightSide ? right : left).push_back(p);
    }
    stackColumn(left, area);
    stackColumn(right, area);
    // Long labels from the two columns can meet in the middle: a right label that would
    // cross a left one moves below it, and the right column below it follows.
    const auto overlaps = [&](const PlacedLabel& a, const PlacedLabel& b) {
        return a.topLeft.x < b.topLeft.x + b.size.x + area.gap && b.topLeft.x < a.topLeft.x + a.size.x + area.gap &&
               a.topLeft.y < b.topLeft.y + b.size.y + area.gap && b.topLeft.y < a.topLeft.y + a.size.y + area.gap;
    };
    for (std::size_t i = 0; i < right.size(); ++i) {
        if (i > 0) right[i].topLeft.y = std::max(right[i].topLeft.y, right[i - 1].topLeft.y + right[i - 1].size.y + area.gap);
        for (bool moved = true; moved;) {
            moved = false;
            for (const auto& l : left)
                if (overlaps(right[i], l)) {
                    right[i].topLeft.y = l.topLeft.y + l.size.y + area.gap;
                    moved = true;
                }
        }
    }
    left.insert(left.end(), right.begin(), right.end());
    return left;
}

}  // namespace medius
