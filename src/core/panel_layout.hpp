#pragma once
// The window's docked layout: a menu bar on top, a status bar at the foot, a left and a
// right sidebar (each open or collapsed to a narrow strip), an optional caption band for a
// running tour, and the 3D viewport: the rectangle that is left. ImGui 1.86 has no docking,
// so every panel is placed from this one function each frame; the camera, picking, labels
// and the laser pointer all work in `viewport`. Pure arithmetic on pixels: unit-tested.
#include <glm/glm.hpp>
#include <vector>

namespace medius {

// An axis-aligned rectangle in window pixels, y down.
struct ScreenRect {
    float x = 0.0f, y = 0.0f, width = 0.0f, height = 0.0f;
    float right() const { return x + width; }
    float bottom() const { return y + height; }
    glm::vec2 min() const { return {x, y}; }
    glm::vec2 size() const { return {width, height}; }
    bool empty() const { return width <= 0.0f || height <= 0.0f; }
    bool contains(glm::vec2 p) const {
        return p.x >= x && p.x < right() && p.y >= y && p.y < bottom();
    }
    bool contains(const ScreenRect& r) const {
        return r.x >= x && r.y >= y && r.right() <= right() && r.bottom() <= bottom();
    }
    // True when the two share area (touching edges do not count).
    bool intersects(const ScreenRect& r) const {
        return !empty() && !r.empty() && x < r.right() && r.x < right() && y < r.bottom() &&
               r.y < bottom();
    }
    float area() const { return empty() ? 0.0f : width * height; }
};

// What the UI's style says about sizes, in pixels.
struct LayoutMetrics {
    glm::vec2 window{0.0f};  // the whole window (ImGui's display size)
    float fontSize = 16.0f;  // one em
    float menuBarHeight = 0.0f;
    float statusBarHeight = 0.0f;
    float captionHeight = 0.0f;  // a running tour's caption band; 0 when none
};

// What the user chose: persisted as view options (widths in ems, so they follow the UI scale).
struct SidebarChoice {
    bool leftOpen = true, rightOpen = true;
    float leftWidthEm = 19.0f, rightWidthEm = 29.0f;
    bool panelsHidden = false;  // H: the model alone, for a clean projection
};

struct PanelLayout {
    ScreenRect menuBar, leftSidebar, rightSidebar, statusBar, caption, viewport;
    // The 3D views inside the viewport: one, or two side by side when comparing.
    std::vector<ScreenRect> views;
    // Every rectangle a panel may draw in (never intersecting the viewport).
    std::vector<ScreenRect> panels() const;
};

// Sidebar widths are kept within these, in ems; one sidebar never takes more than
// kMaxSidebarShare of the window's width, and the two together never more than
// kMaxSidebarsShare, so the viewport keeps at least half of the window's width and area.
inline constexpr float kMinSidebarEm = 12.0f, kMaxSidebarEm = 60.0f;
inline constexpr float kMaxSidebarShare = 0.35f, kMaxSidebarsShare = 0.5f;
// A collapsed sidebar is a strip this many ems wide with the button that opens it.
inline constexpr float kCollapsedSidebarEm = 1.9f;

PanelLayout computePanelLayout(const LayoutMetrics& metrics, const SidebarChoice& choice,
                               int viewCount = 1);

// The widths (pixels) the two sidebars get, after the limits above; a collapsed one is the strip.
glm::vec2 sidebarWidths(const LayoutMetrics& metrics, const SidebarChoice& choice);

}  // namespace medius
