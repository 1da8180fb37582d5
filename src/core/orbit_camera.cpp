#include "core/orbit_camera.hpp"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace medius {

namespace {
constexpr float kPi = 3.14159265358979f;
// Stops short of the poles so the up vector never flips.
constexpr float kMaxPitch = glm::radians(89.0f);
constexpr float kMinDistance = 1.0f;       // mm
constexpr float kMaxDistance = 100000.0f;  // mm

struct PresetInfo {
    ViewPreset preset;
    const char* name;
    float yaw, pitch;
};
// Yaw 0 puts the eye on +X (anterior). +Z is the right side.
constexpr PresetInfo kPresets[] = {
    {ViewPreset::Anterior, "anterior", 0.0f, 0.0f},
    {ViewPreset::Posterior, "posterior", kPi, 0.0f},
    {ViewPreset::RightLateral, "lateral", kPi / 2, 0.0f},
    {ViewPreset::LeftLateral, "medial", -kPi / 2, 0.0f},
    {ViewPreset::Superior, "superior", 0.0f, kMaxPitch},
    {ViewPreset::Inferior, "inferior", 0.0f, -kMaxPitch},
};
}  // namespace

std::optional<ViewPreset> parseViewPreset(std::string_view name) {
    for (const auto& p : kPresets)
        if (name == p.name) return p.preset;
    if (name == "right-lateral") return ViewPreset::RightLateral;
    if (name == "left-lateral") return ViewPreset::LeftLateral;
    return std::nullopt;
}

const char* viewPresetName(ViewPreset preset) {
    for (const auto& p : kPresets)
        if (p.preset == preset) return p.name;
    return "anterior";
}

CameraPose interpolate(const CameraPose& a, const CameraPose& b, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    float dyaw = std::remainder(b.yaw - a.yaw, 2.0f * kPi);
    CameraPose out;
    out.target = glm::mix(a.target, b.target, t);
    // Distance interpolates geometrically: zooming feels even at every scale.
    out.distance = a.distance * std::pow(b.distance / a.distance, t);
    out.yaw = a.yaw + dyaw * t;
    out.pitch = glm::mix(a.pitch, b.pitch, t);
    return out;
}

void OrbitCamera::setPose(const CameraPose& pose) {
    pose_ = pose;
    pose_.pitch = std::clamp(pose_.pitch, -kMaxPitch, kMaxPitch);
    pose_.distance = std::clamp(pose_.distance, kMinDistance, kMaxDistance);
    pose_.yaw = std::remainder(pose_.yaw, 2.0f * kPi);
}

glm::vec3 OrbitCamera::eye() const {
    const glm::vec3 fromTarget(std::cos(pose_.pitch) * std::cos(pose_.yaw), std::sin(pose_.pitch),
                               std::cos(pose_.pitch) * std::sin(pose_.yaw));
    return pose_.target + fromTarget * pose_.distance;
}

glm::vec3 OrbitCamera::forward() const { return glm::normalize(pose_.target - eye()); }

glm::vec3 OrbitCamera::right() const {
    return glm::normalize(glm::cross(forward(), glm::vec3(0.0f, 1.0f, 0.0f)));
}

glm::vec3 OrbitCamera::up() const { return glm::cross(right(), forward()); }

glm::mat4 OrbitCamera::viewMatrix() const {
    return glm::lookAt(eye(), pose_.target, glm::vec3(0.0f, 1.0f, 0.0f));
}

glm::mat4 OrbitCamera::projectionMatrix(float aspect) const {
    // Near and far follow the distance so depth precision stays useful when
    // zoomed onto a 2 cm tendon footprint as well as on the whole pelvis.
    const float nearPlane = std::max(0.5f, pose_.distance * 0.02f);
    const float farPlane = pose_.distance * 20.0f + 2000.0f;
    return glm::perspective(fovY, std::max(aspect, 1e-3f), nearPlane, farPlane);
}

void OrbitCamera::rotate(float dxPixels, float dyPixels, float viewportHeight) {
    const float perPixel = kPi / std::max(viewportHeight, 1.0f);
    CameraPose p = pose_;
    // Dragging right turns the model right, i.e. the eye moves left around it.
    p.yaw += dxPixels * perPixel;
    p.pitch += dyPixels * perPixel;
    setPose(p);
}

void OrbitCamera::pan(float dxPixels, float dyPixels, float viewportHeight) {
    // World size of one pixel at the target's depth.
    const float perPixel =
        2.0f * pose_.distance * std::tan(fovY * 0.5f) / std::max(viewportHeight, 1.0f);
    CameraPose p = pose_;
    p.target += (-dxPixels * right() + dyPixels * up()) * perPixel;
    setPose(p);
}

void OrbitCamera::zoomToward(const glm::vec3& anchor, float factor) {
    factor = std::clamp(factor, 0.05f, 20.0f);
    const float newDistance = std::clamp(pose_.distance * factor, kMinDistance, kMaxDistance);
    const float applied = newDistance / pose_.distance;
    // Scaling eye and target about the anchor keeps the anchor's screen position.
    CameraPose p = pose_;
    p.target = anchor + (pose_.target - anchor) * applied;
    p.distance = newDistance;
    setPose(p);
}

CameraPose OrbitCamera::framing(const Bounds& bounds, ViewPreset preset, float aspect) const {
    CameraPose p;
    for (const auto& info : kPresets)
        if (info.preset == preset) {
            p.yaw = info.yaw;
            p.pitch = info.pitch;
        }
    if (!bounds.valid()) return p;
    p.target = bounds.centre();
    const float radius = std::max(bounds.radius(), 1.0f);
    // Fit the bounding sphere in the narrower of the two fields of view.
    const float halfFov = std::min(fovY * 0.5f, std::atan(std::tan(fovY * 0.5f) * aspect));
    // A little margin, so what a condition involves is never cut at the frame edge.
    p.distance = radius / std::sin(halfFov) * 1.06f;
    return p;
}

Ray OrbitCamera::rayThroughPixel(float x, float y, float width, float height) const {
    const float ndcX = (2.0f * (x + 0.5f) / width) - 1.0f;
    const float ndcY = 1.0f - (2.0f * (y + 0.5f) / height);
    const float tanHalf = std::tan(fovY * 0.5f);
    const float aspect = width / std::max(height, 1.0f);
    const glm::vec3 dir = glm::normalize(forward() + right() * (ndcX * tanHalf * aspect) +
                                         up() * (ndcY * tanHalf));
    return Ray{eye(), dir};
}

std::optional<glm::vec2> OrbitCamera::projectToView(const glm::vec3& world, glm::vec2 origin,
                                                    glm::vec2 size) const {
    const glm::vec4 clip = projectionMatrix(size.x / std::max(size.y, 1.0f)) * viewMatrix() * glm::vec4(world, 1.0f);
    if (clip.w <= 1e-6f) return std::nullopt;
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    return origin + glm::vec2((ndc.x * 0.5f + 0.5f) * size.x, (0.5f - ndc.y * 0.5f) * size.y);
}

}  // namespace medius
