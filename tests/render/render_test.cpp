#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "core/orbit_camera.hpp"
#include "core/structure.hpp"
#include "core/view_options.hpp"
#include "core/view_state.hpp"
#include "render/debug_output.hpp"
#include "render/egl_context.hpp"
#include "render/scene_renderer.hpp"
#include "test_shapes.hpp"

using namespace medius;

namespace {

struct Mask {
    int count = 0;
    glm::vec2 centroid{0.0f};
};

int difference(const Image& a, const Image& b, int x, int y) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(a.pixel(x, y)[c] - b.pixel(x, y)[c]));
    return d;
}

// Pixels where `image` differs from the empty-scene `background`.
Mask objectMask(const Image& image, const Image& background) {
    Mask m;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (difference(image, background, x, y) > 8) {
                ++m.count;
                m.centroid += glm::vec2(x, y);
            }
    if (m.count) m.centroid /= static_cast<float>(m.count);
    return m;
}

class RenderTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string error;
        context_ = render::HeadlessContext::create(true, error);
        ASSERT_TRUE(context_) << "headless OpenGL is required for render tests: " << error;
        ASSERT_TRUE(render::installDebugOutput(glLog_, false))
            << "KHR_debug is missing on " << context_->rendererName();
        renderer_ = std::make_unique<render::SceneRenderer>();
        std::string targetError;
        ASSERT_TRUE(target_.resize(kWidth, kHeight, 4, targetError)) << targetError;
    }

    void TearDown() override {
        if (!context_) return;
        const auto pending = render::pendingGlErrors();
        EXPECT_TRUE(pending.empty()) << pending.front();
        EXPECT_TRUE(glLog_.errors.empty()) << "GL error: " << glLog_.errors.front();
        renderer_.reset();
    }

    Image draw(const Scene& scene, const ViewState& view, const OrbitCamera& camera) {
        renderer_->render(scene, view, camera, options_, target_);
        return target_.readPixels();
    }

    static constexpr int kWidth = 160, kHeight = 120;
    std::unique_ptr<render::HeadlessContext> context_;
    render::GlMessageLog glLog_;
    std::unique_ptr<render::SceneRenderer> renderer_;
    render::RenderTarget target_;
    ViewOptions options_;
};

Scene boxScene() {
    Scene scene;
    scene.add({"box", "Box", "", Layer::Bone, Side::None, test::makeBox({-20, -20, -20}, {20, 20, 20})});
    return scene;
}

}  // namespace

TEST_F(RenderTest, EmptySceneIsAVerticalGradient) {
    Scene empty;
    ViewState view;
    OrbitCamera camera;
    const Image img = draw(empty, view, camera);
    ASSERT_EQ(img.width, kWidth);
    const auto* top = img.pixel(kWidth / 2, 1);
    const auto* bottom = img.pixel(kWidth / 2, kHeight - 2);
    EXPECT_GT(top[2], bottom[2] + 20) << "top is lighter than bottom";
    EXPECT_EQ(top[3], 255);
    // Expected sRGB bytes of the gradient ends (0.31,0.34,0.39) and (0.12,0.13,0.15), +-4.
    EXPECT_NEAR(top[0], 79, 4);
    EXPECT_NEAR(bottom[0], 31, 4);
    options_.backgroundGradient = false;
    const Image flat = draw(empty, view, camera);
    EXPECT_NEAR(flat.pixel(kWidth / 2, 1)[0], flat.pixel(kWidth / 2, kHeight - 2)[0], 1);
}

TEST_F(RenderTest, ModelCoversTheCentreAndNotTheCorners) {
    Scene empty;
    ViewState emptyView;
    OrbitCamera camera;
    const Scene scene = boxScene();
    camera.setPose(camera.framing(scene.bounds(), ViewPreset::Anterior, 4.0f / 3.0f));
    const Image background = draw(empty, emptyView, camera);
    ViewState view;
    view.syncWith(scene);
    const Image img = draw(scene, view, camera);

    EXPECT_GT(difference(img, background, kWidth / 2, kHeight / 2), 30) << "model at the centre";
    for (auto [x, y] : {std::pair{1, 1}, {kWidth - 2, 1}, {1, kHeight - 2}, {kWidth - 2, kHeight - 2}})
        EXPECT_LE(difference(img, background, x, y), 2) << "background at corner " << x << "," << y;
    // A bone-coloured box lit from the front: warm (red > blue) and not black.
    const auto* c = img.pixel(kWidth / 2, kHeight / 2);
    EXPECT_GT(c[0], c[2]);
    EXPECT_GT(c[0], 90);
    const Mask m = objectMask(img, background);
    EXPECT_NEAR(m.centroid.x, kWidth / 2.0f, 2.0f);
    EXPECT_NEAR(m.centroid.y, kHeight / 2.0f, 2.0f);
}

TEST_F(RenderTest, PanAndZoomMoveTheModelOnScreen) {
    Scene empty;
    ViewState emptyView;
    // A thin plate facing the camera through the target: pan is exact at the target's depth.
    Scene scene;
    scene.add({"plate", "Plate", "", Layer::Bone, Side::None, test::makeBox({-0.5f, -15, -15}, {0.5f, 15, 15})});
    ViewState view;
    view.syncWith(scene);
    OrbitCamera camera;
    camera.setPose(camera.framing(scene.bounds(), ViewPreset::Anterior, 4.0f / 3.0f));
    const Image background = draw(empty, emptyView, camera);
    const Mask before = objectMask(draw(scene, view, camera), background);

    // Zooming in by 0.8 makes the plate 1/0.8 times wider: about 1.56 times the pixels.
    camera.zoom(0.8f);
    const Mask zoomed = objectMask(draw(scene, view, camera), background);
    EXPECT_NEAR(static_cast<float>(zoomed.count) / before.count, 1.0f / (0.8f * 0.8f), 0.1f);
    // Dragging right by an eighth of the height moves the model right by that many pixels.
    camera.pan(kHeight / 8.0f, 0.0f, kHeight);
    const Mask panned = objectMask(draw(scene, view, camera), background);
    EXPECT_NEAR(panned.centroid.x - zoomed.centroid.x, kHeight / 8.0f, 1.0f);
    EXPECT_NEAR(panned.centroid.y, zoomed.centroid.y, 1.0f);
}

TEST_F(RenderTest, HiddenStructuresAreNotDrawnAndTranslucentOnesBlend) {
    Scene empty;
    ViewState emptyView;
    Scene scene = boxScene();
    scene.add({"front", "Front plate", "", Layer::Bursa, Side::None,
               test::makeBox({30, -10, -10}, {32, 10, 10})});
    OrbitCamera camera;
    camera.setPose(camera.framing(scene.bounds(), ViewPreset::Anterior, 4.0f / 3.0f));
    const Image background = draw(empty, emptyView, camera);
    ViewState view;
    view.syncWith(scene);

    const Image opaque = draw(scene, view, camera);
    const auto* plate = opaque.pixel(kWidth / 2, kHeight / 2);
    EXPECT_GT(plate[2], plate[0]) << "bursa blue in front";

    view.setOpacity(1, 0.5f);
    const Image half = draw(scene, view, camera);
    const auto* mixed = half.pixel(kWidth / 2, kHeight / 2);
    EXPECT_GT(mixed[0], plate[0] + 10) << "bone shows through the translucent plate";

    view.setVisible(0, false);
    view.setVisible(1, false);
    EXPECT_EQ(objectMask(draw(scene, view, camera), background).count, 0);
}

TEST_F(RenderTest, ChangingColourDoesNotReuploadGeometry) {
    Scene scene = boxScene();
    ViewState view;
    view.syncWith(scene);
    OrbitCamera camera;
    draw(scene, view, camera);
    ASSERT_NE(renderer_->gpuMesh(0), nullptr);
    EXPECT_EQ(renderer_->gpuMesh(0)->positionUploads(), 1);
    view.setOpacity(0, 0.4f);
    view.setVisible(0, true);
    draw(scene, view, camera);
    draw(scene, view, camera);
    EXPECT_EQ(renderer_->gpuMesh(0)->positionUploads(), 1);
    EXPECT_EQ(renderer_->gpuMesh(0)->normalUploads(), 1);
    scene.add({"box", "Box", "", Layer::Bone, Side::None, test::makeBox({-5, -5, -5}, {5, 5, 5})});
    draw(scene, view, camera);
    EXPECT_EQ(renderer_->gpuMesh(0)->positionUploads(), 2) << "new geometry is uploaded";
    EXPECT_EQ(renderer_->gpuBytes(), 24 * 12 * 2 + 36 * 4u);
}

TEST_F(RenderTest, OversizedTargetIsRefusedWithAReason) {
    render::RenderTarget big;
    std::string error;
    EXPECT_FALSE(big.resize(100000, 100, 4, error));
    EXPECT_NE(error.find("100000x100"), std::string::npos) << error;
}

TEST_F(RenderTest, AGhostedStructureNeverHidesAHighlightedOne) {
    Scene scene;
    // A highlighted box behind a larger ghosted box, as a tendon under a ghosted muscle.
    scene.add({"deep", "Deep", "", Layer::Tendon, Side::None, test::makeBox({-10, -10, -10}, {10, 10, 10})});
    scene.add({"ghost", "Ghost", "", Layer::Muscle, Side::None, test::makeBox({20, -30, -30}, {30, 30, 30})});
    ViewState view;
    view.syncWith(scene);
    auto a = view.appearances();
    a[0].colour = glm::vec3(0.665f, 0.112f, 0.0f);  // vermillion highlight
    a[0].highlighted = true;
    a[1].opacity = 0.12f;  // ghosted
    view.setAppearances(a);
    OrbitCamera camera;
    camera.setPose(camera.framing(scene.bounds(), ViewPreset::Anterior, 4.0f / 3.0f));
    for (const char* mode : {"sorted", "weighted"}) {
        options_.transparency = mode;
        for (float yaw : {0.0f, 0.3f, -0.3f}) {
            CameraPose p = camera.pose();
            p.yaw = yaw;
            camera.setPose(p);
            const Image img = draw(scene, view, camera);
            const auto* c = img.pixel(kWidth / 2, kHeight / 2);
            EXPECT_GT(c[0], 2 * c[2]) << "the highlight shows through at yaw " << yaw << ", " << mode;
            EXPECT_GT(c[0], 120) << yaw << ", " << mode;
        }
    }
    options_.transparency = "sorted";
}

TEST_F(RenderTest, FramesWhileMovingDrawFewerTrianglesThatLookTheSame) {
    Scene scene;
    scene.add({"ball", "Ball", "", Layer::Bone, Side::None, test::makeSphere({0, 0, 0}, 25.0f, 200, 100)});
    ViewState view;
    view.syncWith(scene);
    OrbitCamera camera;
    camera.setPose(camera.framing(scene.bounds(), ViewPreset::Anterior, 4.0f / 3.0f));
    const Image full = draw(scene, view, camera);
    const std::size_t fullTriangles = renderer_->lastTriangles();
    renderer_->render(scene, view, camera, options_, target_, render::RenderDetail::Interactive);
    const Image moving = target_.readPixels();
    const std::size_t movingTriangles = renderer_->lastTriangles();
    EXPECT_EQ(fullTriangles, scene.triangleCount());
    EXPECT_LT(movingTriangles * 4, fullTriangles) << "about an eighth while moving";
    int differing = 0, covered = 0;
    Image background = draw(Scene{}, ViewState{}, camera);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            covered += difference(full, background, x, y) > 8;
            differing += difference(full, moving, x, y) > 40;
        }
    ASSERT_GT(covered, 1000);
    EXPECT_LT(differing, covered / 25) << "the simplified ball must look like the ball";
    // With the option off, moving frames are full frames.
    options_.simplifyWhileMoving = false;
    renderer_->render(scene, view, camera, options_, target_, render::RenderDetail::Interactive);
    EXPECT_EQ(renderer_->lastTriangles(), fullTriangles);
}

// Two translucent slabs that pass through each other (a cross, same centre): no order of whole
// structures is right for every pixel. Sorted transparency then depends on which comes first
// in the scene; weighted blended transparency gives the same picture either way.
TEST_F(RenderTest, WeightedTransparencyDoesNotDependOnDrawingOrder) {
    const TriangleMesh wide = test::makeBox({-2, -20, -20}, {2, 20, 20});
    const TriangleMesh deep = test::makeBox({-20, -20, -2}, {20, 20, 2});
    auto picture = [&](bool swap, const char* mode) {
        Scene scene;
        const Structure a{"a", "A", "", Layer::Muscle, Side::None, wide};
        const Structure b{"b", "B", "", Layer::Bursa, Side::None, deep};
        scene.add(swap ? b : a);
        scene.add(swap ? a : b);
        ViewState view;
        view.syncWith(scene);
        view.setOpacity(0, 0.6f);
        view.setOpacity(1, 0.6f);
        OrbitCamera camera;
        camera.setPose(camera.framing(scene.bounds(), ViewPreset::Anterior, 4.0f / 3.0f));
        CameraPose pose = camera.pose();
        pose.yaw += 0.6f;  // both slabs seen at an angle, crossing in depth
        pose.pitch += 0.3f;
        camera.setPose(pose);
        options_.transparency = mode;
        return draw(scene, view, camera);
    };
    const auto differingPixels = [](const Image& x, const Image& y) {
        int n = 0;
        for (int py = 0; py < y.height; ++py)
            for (int px = 0; px < y.width; ++px) n += difference(x, y, px, py) > 6;
        return n;
    };
    const Image sortedAB = picture(false, "sorted"), sortedBA = picture(true, "sorted");
    const Image weightedAB = picture(false, "weighted"), weightedBA = picture(true, "weighted");
    EXPECT_GT(differingPixels(sortedAB, sortedBA), 100) << "the sorted mode shows the order";
    EXPECT_EQ(differingPixels(weightedAB, weightedBA), 0) << "weighted transparency is order-independent";
    // And it is drawn: both colours mix where the slabs overlap, over the background.
    const Image background = draw(Scene{}, ViewState{}, OrbitCamera{});
    EXPECT_GT(objectMask(weightedAB, background).count, 2000);
    // The same without multisampling (the window's frames while the camera moves).
    std::string error;
    ASSERT_TRUE(target_.resize(kWidth, kHeight, 1, error)) << error;
    const Image singleAB = picture(false, "weighted"), singleBA = picture(true, "weighted");
    EXPECT_EQ(differingPixels(singleAB, singleBA), 0);
    EXPECT_GT(objectMask(singleAB, background).count, 2000);
    options_.transparency = "sorted";
}
