#pragma once
// An orbit camera about a target point, in the pelvic frame (Y superior).
// Pure maths: the window feeds it pixel deltas, the renderer reads matrices.
#include <glm/glm.hpp>
#include <optional>
#include <string_view>

#include "core/mesh.hpp"
#include "core/ray.hpp"

namespace medius {

struct CameraPose {
    glm::vec3 target{0.0f};
    float distance = 500.0f;  // mm from target to eye
    float yaw = 0.0f;         // radians about +Y; 0 looks from anterior (+X)
    float pitch = 0.0f;       // radians above the transverse plane
};

// Named standard views. Lateral means the right side (+Z); medial the left.
enum class ViewPreset { Anterior, Posterior, RightLateral, LeftLateral, Superior, Inferior };
std::optional<ViewPreset> parseViewPreset(std::string_view name);
const char* viewPresetName(ViewPreset preset);

// Interpolates yaw the short way round, so a transition never spins 350 degrees.
CameraPose interpolate(const CameraPose& a, const CameraPose& b, float t);

class OrbitCamera {
public:
    float fovY = glm::radians(35.0f);

    const CameraPose& pose() const { return pose_; }
    void setPose(const CameraPose& pose);

    glm::vec3 eye() const;
    glm::vec3 forward() const;  // unit, from eye to target
    glm::vec3 right() const;
    glm::vec3 up() const;
    glm::mat4 viewMatrix() const;
    glm::mat4 projectionMatrix(float aspect) const;

    // Drag in pixels: full viewport height turns by about 180 degrees.
    void rotate(float dxPixels, float dyPixels, float viewportHeight);
    // Moves the target so the surface under the cursor follows the cursor.
    void pan(float dxPixels, float dyPixels, float viewportHeight);
    // factor < 1 zooms in. The world point `anchor` stays under the cursor.
    void zoomToward(const glm::vec3& anchor, float factor);
    void zoom(float factor) { zoomToward(pose_.target, factor); }

    // A pose that shows `bounds` whole from the preset direction.
    CameraPose framing(const Bounds& bounds, ViewPreset preset, float aspect) const;

    // Ray through a pixel (origin top-left, y down) of a width x height viewport.
    Ray rayThroughPixel(float x, float y, float width, float height) const;
    // Where a world point lands in a view whose top-left corner is `origin` and whose size
    // is `size` (pixels, y down); nullopt behind the camera. The inverse of rayThroughPixel.
    std::optional<glm::vec2> projectToView(const glm::vec3& world, glm::vec2 origin, glm::vec2 size) const;

private:
    CameraPose pose_;
};

}  // namespace medius
