#include "core/label_layout.hpp"

#include <algorithm>

namespace medius {

namespace {
struct Candidate {
    PlacedLabel label;
    std::size_t priority;  // index of the request: lower is more important
};

float columnHeight(const std::vector<Candidate>& column, float gap) {
    float h = 0.0f;
    for (const auto& c : column) h += c.label.size.y;
    return h + gap * static_cast<float>(column.size() > 1 ? column.size() - 1 : 0);
}

// Drops the least important labels of a column until the rest fit its height.
void fitColumn(std::vector<Candidate>& column, const LabelArea& area) {
    const float room = area.max.y - area.min.y;
    while (!column.empty() && columnHeight(column, area.gap) > room) {
        const auto worst = std::max_element(
            column.begin(), column.end(),
            [](const Candidate& a, const Candidate& b) { return a.priority < b.priority; });
        column.erase(worst);
    }
}

// Stacks one column: sorted by anchor height, pushed down past each other, then pulled
// back up as a block if the last one ran past the bottom.
void stackColumn(std::vector<Candidate>& column, const LabelArea& area) {
    std::sort(column.begin(), column.end(), [](const Candidate& a, const Candidate& b) {
        return a.label.anchor.y < b.label.anchor.y;
    });
    float nextFree = area.min.y;
    for (auto& c : column) {
        const float wanted = c.label.anchor.y - c.label.size.y * 0.5f;
        c.label.topLeft.y = std::max(wanted, nextFree);
        nextFree = c.label.topLeft.y + c.label.size.y + area.gap;
    }
    // From the bottom up, nothing may end below the area or below the start of the next.
    float limit = area.max.y;
    for (auto it = column.rbegin(); it != column.rend(); ++it) {
        it->label.topLeft.y = std::min(it->label.topLeft.y, limit - it->label.size.y);
        limit = it->label.topLeft.y - area.gap;
    }
}

bool overlaps(const PlacedLabel& a, const PlacedLabel& b, float gap) {
    return a.topLeft.x < b.topLeft.x + b.size.x + gap &&
           b.topLeft.x < a.topLeft.x + a.size.x + gap &&
           a.topLeft.y < b.topLeft.y + b.size.y + gap && b.topLeft.y < a.topLeft.y + a.size.y + gap;
}
}  // namespace

std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest>& requests,
                                      const LabelArea& area) {
    // Anchors left of their mean go to the left column: the labels of a cluster split
    // between both sides instead of piling up on one.
    float middle = (area.min.x + area.max.x) * 0.5f;
    if (!requests.empty()) {
        middle = 0.0f;
        for (const auto& r : requests) middle += r.anchor.x;
        middle /= static_cast<float>(requests.size());
    }
    const float usableWidth = area.max.x - area.min.x - 2.0f * area.margin;
    std::vector<Candidate> left, right;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const LabelRequest& r = requests[i];
        if (r.size.x > usableWidth) continue;  // wider than the view: never drawn cut
        PlacedLabel p{r.text, r.anchor, {0.0f, 0.0f}, r.size, r.anchor.x >= middle};
        p.topLeft.x = p.rightSide ? area.max.x - area.margin - r.size.x : area.min.x + area.margin;
        (p.rightSide ? right : left).push_back({p, i});
    }
    // In a narrow view the two columns would meet, and labels pushed past each other in the
    // middle cross each other's leaders: then all go to one column, on the side away from the
    // anchors, where the leaders cannot cross a label.
    const auto widest = [](const std::vector<Candidate>& column) {
        float w = 0.0f;
        for (const auto& c : column) w = std::max(w, c.label.size.x);
        return w;
    };
    if (!left.empty() && !right.empty() &&
        widest(left) + widest(right) + 2.0f * area.margin + area.gap > area.max.x - area.min.x) {
        const bool toLeft = middle >= (area.min.x + area.max.x) * 0.5f;
        std::vector<Candidate>& keep = toLeft ? left : right;
        std::vector<Candidate>& move = toLeft ? right : left;
        for (auto& c : move) {
            c.label.rightSide = !toLeft;
            c.label.topLeft.x =
                toLeft ? area.min.x + area.margin : area.max.x - area.margin - c.label.size.x;
            keep.push_back(c);
        }
        move.clear();
    }
    fitColumn(left, area);
    fitColumn(right, area);
    stackColumn(left, area);
    stackColumn(right, area);
    // Long labels from the two columns can meet in the middle: a right label that would
    // cross a left one moves below it, and the right column below it follows; one pushed
    // out of the area is dropped rather than drawn over another.
    std::vector<PlacedLabel> placed;
    for (const auto& l : left) placed.push_back(l.label);
    const std::size_t leftCount = placed.size();
    float nextFree = area.min.y;
    for (auto& r : right) {
        PlacedLabel label = r.label;
        label.topLeft.y = std::max(label.topLeft.y, nextFree);
        for (bool moved = true; moved;) {
            moved = false;
            for (std::size_t i = 0; i < leftCount; ++i)
                if (overlaps(label, placed[i], area.gap)) {
                    label.topLeft.y = placed[i].topLeft.y + placed[i].size.y + area.gap;
                    moved = true;
                }
        }
        if (label.topLeft.y + label.size.y > area.max.y) continue;
        nextFree = label.topLeft.y + label.size.y + area.gap;
        placed.push_back(label);
    }
    return placed;
}

LabelArea labelAreaInView(glm::vec2 viewMin, glm::vec2 viewSize, float fontSize) {
    LabelArea area;
    area.min = viewMin + glm::vec2(0.0f, fontSize * 0.5f);
    area.max = viewMin + viewSize - glm::vec2(0.0f, fontSize * 0.5f);
    area.gap = fontSize * 0.35f;
    area.margin = fontSize * 0.5f;
    return area;
}

LabelPlacement placeLabels(const std::vector<LabelRequest>& requests, const LabelArea& area,
                           glm::vec2 noteSize) {
    LabelPlacement out;
    out.labels = layoutLabels(requests, area);
    if (out.labels.size() == requests.size()) return out;
    LabelArea smaller = area;
    smaller.max.y -= noteSize.y + area.gap;
    out.labels = smaller.max.y > smaller.min.y ? layoutLabels(requests, smaller)
                                               : std::vector<PlacedLabel>{};
    out.dropped = static_cast<int>(requests.size() - out.labels.size());
    out.noteTopLeft = {area.min.x + area.margin, area.max.y - noteSize.y};
    return out;
}

}  // namespace medius
