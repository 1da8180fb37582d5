#include <gtest/gtest.h>

#include <cmath>

#include "core/camera_transition.hpp"
#include "core/orbit_camera.hpp"

using namespace medius;

namespace {
glm::vec3 project(const OrbitCamera& cam, const glm::vec3& p, float aspect) {
    const glm::vec4 clip = cam.projectionMatrix(aspect) * cam.viewMatrix() * glm::vec4(p, 1.0f);
    return glm::vec3(clip) / clip.w;
}
void expectNear(const glm::vec3& a, const glm::vec3& b, float tol) {
    EXPECT_NEAR(a.x, b.x, tol);
    EXPECT_NEAR(a.y, b.y, tol);
    EXPECT_NEAR(a.z, b.z, tol);
}
}  // namespace

TEST(OrbitCamera, PresetsLookFromTheNamedSide) {
    OrbitCamera cam;
    Bounds b;
    b.extend(glm::vec3(-100));
    b.extend(glm::vec3(100));
    cam.setPose(cam.framing(b, ViewPreset::Anterior, 1.0f));
    EXPECT_GT(cam.eye().x, 100.0f) << "anterior view: eye on +X";
    cam.setPose(cam.framing(b, ViewPreset::Posterior, 1.0f));
    EXPECT_LT(cam.eye().x, -100.0f);
    cam.setPose(cam.framing(b, ViewPreset::RightLateral, 1.0f));
    EXPECT_GT(cam.eye().z, 100.0f) << "right lateral view: eye on +Z";
    cam.setPose(cam.framing(b, ViewPreset::Superior, 1.0f));
    EXPECT_GT(cam.eye().y, 100.0f);
    EXPECT_EQ(parseViewPreset("lateral"), ViewPreset::RightLateral);
    EXPECT_EQ(parseViewPreset(viewPresetName(ViewPreset::Inferior)), ViewPreset::Inferior);
    EXPECT_FALSE(parseViewPreset("sideways"));
}

TEST(OrbitCamera, FramingKeepsTheWholeBoxOnScreen) {
    OrbitCamera cam;
    Bounds b;
    b.extend(glm::vec3(-150, -100, -180));
    b.extend(glm::vec3(120, 160, 180));
    for (float aspect : {0.5f, 1.0f, 16.0f / 9.0f}) {
        cam.setPose(cam.framing(b, ViewPreset::RightLateral, aspect));
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 corner((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                                   (i & 4) ? b.max.z : b.min.z);
            const glm::vec3 ndc = project(cam, corner, aspect);
            EXPECT_LE(std::fabs(ndc.x), 1.0f) << aspect;
            EXPECT_LE(std::fabs(ndc.y), 1.0f) << aspect;
            EXPECT_GT(ndc.z, -1.0f);
            EXPECT_LT(ndc.z, 1.0f);
        }
    }
}

TEST(OrbitCamera, RotateKeepsDistanceAndClampsPitch) {
    OrbitCamera cam;
    cam.setPose({glm::vec3(10, 20, 30), 400.0f, 0.0f, 0.0f});
    cam.rotate(250.0f, 0.0f, 1000.0f);
    EXPECT_NEAR(glm::length(cam.eye() - glm::vec3(10, 20, 30)), 400.0f, 1e-2f);
    EXPECT_NEAR(cam.pose().yaw, 3.14159265f / 4.0f, 1e-4f) << "quarter height turns 45 degrees";
    cam.rotate(0.0f, 5000.0f, 1000.0f);
    EXPECT_LT(cam.pose().pitch, glm::radians(89.5f));
    EXPECT_TRUE(std::isfinite(cam.viewMatrix()[0][0]));
}

TEST(OrbitCamera, PanMovesTheTargetWithTheCursor) {
    OrbitCamera cam;
    cam.setPose({glm::vec3(0), 500.0f, 0.0f, 0.0f});
    const float aspect = 1.0f;
    const glm::vec3 before = project(cam, glm::vec3(0), aspect);
    // Dragging right by 100 px of a 1000 px viewport moves content right by 0.2 NDC.
    cam.pan(100.0f, 0.0f, 1000.0f);
    const glm::vec3 after = project(cam, glm::vec3(0), aspect);
    EXPECT_NEAR(after.x - before.x, 0.2f, 1e-3f);
    EXPECT_NEAR(after.y - before.y, 0.0f, 1e-4f);
}

TEST(OrbitCamera, ZoomTowardKeepsTheAnchorOnTheSamePixel) {
    OrbitCamera cam;
    cam.setPose({glm::vec3(0), 600.0f, 0.7f, 0.2f});
    const glm::vec3 anchor(30.0f, -40.0f, 25.0f);
    const glm::vec3 before = project(cam, anchor, 1.5f);
    cam.zoomToward(anchor, 0.5f);
    EXPECT_NEAR(cam.pose().distance, 300.0f, 1e-3f);
    const glm::vec3 after = project(cam, anchor, 1.5f);
    EXPECT_NEAR(after.x, before.x, 1e-4f);
    EXPECT_NEAR(after.y, before.y, 1e-4f);
}

TEST(OrbitCamera, RayThroughCentrePixelHitsTheTarget) {
    OrbitCamera cam;
    cam.setPose({glm::vec3(5, 6, 7), 250.0f, 1.0f, 0.3f});
    const Ray r = cam.rayThroughPixel(499.5f, 299.5f, 1000.0f, 600.0f);
    expectNear(r.origin + r.direction * 250.0f, glm::vec3(5, 6, 7), 1e-2f);
}

TEST(CameraTransition, EasesFromStartToEndAndStops) {
    OrbitCamera cam;
    CameraPose a{glm::vec3(0), 100.0f, 3.0f, 0.0f};
    CameraPose b{glm::vec3(10, 0, 0), 400.0f, -3.0f, 0.5f};
    cam.setPose(a);
    CameraTransition t;
    t.start(a, b, 0.5f);
    EXPECT_TRUE(t.advance(0.25f, cam));
    EXPECT_GT(cam.pose().distance, 100.0f);
    EXPECT_LT(cam.pose().distance, 400.0f);
    // Yaw 3.0 to -3.0 is 0.28 rad the short way: halfway must not pass through 0.
    EXPECT_GT(std::fabs(cam.pose().yaw), 2.9f);
    EXPECT_FALSE(t.advance(0.3f, cam));
    EXPECT_FALSE(t.active());
    expectNear(cam.pose().target, b.target, 1e-4f);
    EXPECT_NEAR(cam.pose().distance, 400.0f, 1e-2f);
}
