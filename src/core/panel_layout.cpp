#include "core/panel_layout.hpp"

#include <algorithm>
#include <cmath>

namespace medius {

std::vector<ScreenRect> PanelLayout::panels() const {
    std::vector<ScreenRect> out;
    for (const ScreenRect& r : {menuBar, leftSidebar, rightSidebar, statusBar, caption})
        if (!r.empty()) out.push_back(r);
    return out;
}

glm::vec2 sidebarWidths(const LayoutMetrics& metrics, const SidebarChoice& choice) {
    const float em = std::max(metrics.fontSize, 1.0f);
    const float window = std::max(metrics.window.x, 0.0f);
    const float strip = std::floor(std::min(kCollapsedSidebarEm * em, window * 0.05f));
    // On a small window or at a large UI scale the shares win over the minimum in ems: the
    // model keeps its room and the sidebars' text wraps.
    const auto wanted = [&](bool open, float widthEm) {
        return open ? std::min(std::clamp(widthEm, kMinSidebarEm, kMaxSidebarEm) * em,
                               window * kMaxSidebarShare)
                    : strip;
    };
    glm::vec2 w(wanted(choice.leftOpen, choice.leftWidthEm),
                wanted(choice.rightOpen, choice.rightWidthEm));
    // Together they leave the viewport at least half the window's width and, with the menu
    // and status bars taken off its height, at least half the window's area.
    const float height = std::max(metrics.window.y, 1.0f);
    const float rest = std::max(height - metrics.menuBarHeight - metrics.statusBarHeight, 1.0f);
    const float limit = std::max(
        0.0f, std::min(window * kMaxSidebarsShare, window - 0.5f * window * height / rest));
    if (w.x + w.y > limit) {
        // Shrink the open ones in proportion; a strip keeps its width.
        const float fixed = (choice.leftOpen ? 0.0f : w.x) + (choice.rightOpen ? 0.0f : w.y);
        const float flexible = w.x + w.y - fixed;
        const float scale = flexible > 0.0f ? std::max(0.0f, limit - fixed) / flexible : 1.0f;
        if (choice.leftOpen) w.x *= scale;
        if (choice.rightOpen) w.y *= scale;
    }
    return glm::floor(w);
}

PanelLayout computePanelLayout(const LayoutMetrics& metrics, const SidebarChoice& choice,
                               int viewCount) {
    PanelLayout layout;
    const float width = std::max(metrics.window.x, 0.0f), height = std::max(metrics.window.y, 0.0f);
    ScreenRect rest{0.0f, 0.0f, width, height};
    if (!choice.panelsHidden) {
        const float menu = std::min(metrics.menuBarHeight, height);
        layout.menuBar = {0.0f, 0.0f, width, menu};
        const float status = std::min(metrics.statusBarHeight, height - menu);
        layout.statusBar = {0.0f, height - status, width, status};
        rest = {0.0f, menu, width, std::max(0.0f, height - menu - status)};
        const glm::vec2 sides = sidebarWidths(metrics, choice);
        const float left = sides.x, right = sides.y;
        layout.leftSidebar = {0.0f, rest.y, left, rest.height};
        layout.rightSidebar = {width - right, rest.y, right, rest.height};
        rest.x = left;
        rest.width = std::max(0.0f, width - left - right);
        // The tour caption is a band across the foot of the view, not a window over it.
        const float caption = std::min(metrics.captionHeight, rest.height * 0.4f);
        if (caption > 0.0f) {
            layout.caption = {rest.x, rest.bottom() - caption, rest.width, caption};
            rest.height -= caption;
        }
    }
    layout.viewport = rest;
    // Side by side for a comparison: whole pixels, the two halves touching.
    const int n = std::max(1, viewCount);
    float x = rest.x;
    for (int i = 0; i < n; ++i) {
        const float next =
            i + 1 == n ? rest.right() : std::floor(rest.x + rest.width * (i + 1) / n);
        layout.views.push_back({x, rest.y, next - x, rest.height});
        x = next;
    }
    return layout;
}

}  // namespace medius
