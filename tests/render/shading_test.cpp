// Shading with depth (issue 13): each effect is switched by its view option, changes the
// picture where it should, and with every switch off the still frame is the plain one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>
#include <memory>

#include "core/orbit_camera.hpp"
#include "core/structure.hpp"
#include "core/view_options.hpp"
#include "core/view_state.hpp"
#include "render/ambient_occlusion.hpp"
#include "render/debug_output.hpp"
#include "render/egl_context.hpp"
#include "render/scene_renderer.hpp"
#include "test_shapes.hpp"

using namespace medius;

namespace {

float luminance(const Image& img, int x, int y) {
    const auto* p = img.pixel(x, y);
    return 0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2];
}

int maxDifference(const Image& a, const Image& b, int x, int y) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(a.pixel(x, y)[c] - b.pixel(x, y)[c]));
    return d;
}

int differingPixels(const Image& a, const Image& b, int threshold) {
    int n = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) n += maxDifference(a, b, x, y) > threshold;
    return n;
}

// Pixels darker in `with` than in `without` by more than `threshold` (luminance, 0-255).
int darkenedPixels(const Image& with, const Image& without, float threshold) {
    int n = 0;
    for (int y = 0; y < with.height; ++y)
        for (int x = 0; x < with.width; ++x)
            n += luminance(without, x, y) - luminance(with, x, y) > threshold;
    return n;
}

float standardDeviation(const std::vector<float>& v) {
    float mean = 0.0f, sq = 0.0f;
    for (float x : v) mean += x;
    mean /= static_cast<float>(v.size());
    for (float x : v) sq += (x - mean) * (x - mean);
    return std::sqrt(sq / static_cast<float>(v.size()));
}

class ShadingTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string error;
        context_ = render::HeadlessContext::create(true, error);
        ASSERT_TRUE(context_) << "headless OpenGL is required for render tests: " << error;
        ASSERT_TRUE(render::installDebugOutput(glLog_, false))
            << "KHR_debug is missing on " << context_->rendererName();
        renderer_ = std::make_unique<render::SceneRenderer>();
        ASSERT_TRUE(target_.resize(kWidth, kHeight, 4, error)) << error;
    }

    void TearDown() override {
        if (!context_) return;
        const auto pending = render::pendingGlErrors();
        EXPECT_TRUE(pending.empty()) << pending.front();
        EXPECT_TRUE(glLog_.errors.empty()) << "GL error: " << glLog_.errors.front();
        renderer_.reset();
    }

    Image draw(const Scene& scene, const ViewState& view, const OrbitCamera& camera,
               render::RenderDetail detail = render::RenderDetail::Full) {
        renderer_->render(scene, view, camera, options_, target_, detail);
        return target_.readPixels();
    }

    void effects(bool ao, bool materials, bool striation) {
        options_.ambientOcclusion = ao;
        options_.tissueMaterials = materials;
        options_.striation = striation;
    }

    static OrbitCamera framed(const Scene& scene) {
        OrbitCamera camera;
        camera.setPose(camera.framing(scene.bounds(), ViewPreset::Anterior, 4.0f / 3.0f));
        return camera;
    }

    static constexpr int kWidth = 160, kHeight = 120;
    std::unique_ptr<render::HeadlessContext> context_;
    render::GlMessageLog glLog_;
    std::unique_ptr<render::SceneRenderer> renderer_;
    render::RenderTarget target_;
    ViewOptions options_;
};

// A plate facing the camera (anterior, +X) with its fibres running superior (+Y).
TriangleMesh fibredPlate(float halfSize) {
    TriangleMesh m = test::makeBox({-1, -halfSize, -halfSize}, {1, halfSize, halfSize});
    m.fibres.assign(m.positions.size(), glm::vec3(0, 1, 0));
    return m;
}

// One structure of every layer that has a material, side by side.
Scene tissueScene() {
    Scene scene;
    scene.add({"bone", "Bone", "", Layer::Bone, Side::None,
               test::makeBox({-30, -30, -40}, {0, 30, -12})});
    scene.add({"muscle", "Muscle", "", Layer::Muscle, Side::None, fibredPlate(12)});
    scene.add(
        {"tendon", "Tendon", "", Layer::Tendon, Side::None, test::makeSphere({0, 0, 24}, 9.0f)});
    scene.add({"bursa", "Bursa", "", Layer::Bursa, Side::None, test::makeSphere({6, 22, 0}, 6.0f)});
    scene.add({"nerve", "Nerve", "", Layer::Nerve, Side::None,
               test::makeBox({-4, -28, -4}, {4, -18, 4})});
    return scene;
}

// A wall and a thin block lying on it: a concave step all round the block.
Scene creaseScene(bool block, bool wall) {
    Scene scene;
    if (wall)
        scene.add({"wall", "Wall", "", Layer::Bone, Side::None,
                   test::makeBox({-22, -30, -40}, {-20, 30, 40})});
    if (block)
        scene.add({"block", "Block", "", Layer::Bone, Side::None,
                   test::makeBox({-20, -12, -12}, {-15, 12, 12})});
    return scene;
}

}  // namespace

TEST_F(ShadingTest, WithEverySwitchOffTheStillFrameIsThePlainOne) {
    const Scene scene = tissueScene();
    ViewState view;
    view.syncWith(scene);
    const OrbitCamera camera = framed(scene);
    // Frames drawn while the camera moves never use the depth shading: with simplification
    // off, they are the plain renderer's picture of the full meshes.
    effects(true, true, true);
    options_.simplifyWhileMoving = false;
    const Image plain = draw(scene, view, camera, render::RenderDetail::Interactive);
    const Image shaded = draw(scene, view, camera);
    effects(false, false, false);
    const Image off = draw(scene, view, camera);
    EXPECT_EQ(differingPixels(off, plain, 0), 0) << "all switches off: exactly the plain frame";
    EXPECT_EQ(
        differingPixels(draw(scene, view, camera, render::RenderDetail::Interactive), plain, 0), 0);
    EXPECT_GT(differingPixels(shaded, plain, 4), 300) << "the effects change the still frame";
}

TEST_F(ShadingTest, AmbientOcclusionDarkensACreaseAndNotAFlatSurface) {
    effects(true, false, false);
    ViewState view;
    for (int samples : {4, 1}) {
        std::string error;
        ASSERT_TRUE(target_.resize(kWidth, kHeight, samples, error)) << error;
        const Scene crease = creaseScene(true, true);
        view.syncWith(crease);
        const OrbitCamera camera = framed(crease);
        options_.ambientOcclusion = true;
        const Image withAo = draw(crease, view, camera);
        options_.ambientOcclusion = false;
        const Image without = draw(crease, view, camera);
        EXPECT_GT(darkenedPixels(withAo, without, 6.0f), 150)
            << "the step round the block darkens, " << samples;
        EXPECT_EQ(darkenedPixels(without, withAo, 1.0f), 0) << "occlusion only ever darkens";
        for (const Scene& flat : {creaseScene(false, true), creaseScene(true, false)}) {
            view.syncWith(flat);
            options_.ambientOcclusion = true;
            const Image flatAo = draw(flat, view, camera);
            options_.ambientOcclusion = false;
            const Image flatPlain = draw(flat, view, camera);
            EXPECT_LT(darkenedPixels(flatAo, flatPlain, 6.0f), 15)
                << "a flat face has no crease, " << samples;
        }
    }
}

TEST_F(ShadingTest, AmbientOcclusionOfASmallSceneKeepsToItsRectangleAndStillDarkensItsCrease) {
    // Zoomed out, the crease covers a small patch of the picture: the occlusion, computed
    // only around it, still darkens the crease, and the background stays as it was.
    effects(true, false, false);
    const Scene crease = creaseScene(true, true);
    ViewState view;
    view.syncWith(crease);
    OrbitCamera camera = framed(crease);
    camera.zoom(2.0f);
    options_.ambientOcclusion = true;
    const Image withAo = draw(crease, view, camera);
    options_.ambientOcclusion = false;
    const Image without = draw(crease, view, camera);
    EXPECT_GT(darkenedPixels(withAo, without, 6.0f), 10) << "the small crease still darkens";
    EXPECT_EQ(darkenedPixels(without, withAo, 1.0f), 0) << "occlusion only ever darkens";
    EXPECT_EQ(maxDifference(withAo, without, 2, 2), 0) << "the background is untouched";
}

TEST(AmbientOcclusionArea, IsTheBoxOnScreenWithAMarginOrTheWholePictureBehindTheEye) {
    const glm::mat4 projection = glm::perspective(glm::radians(60.0f), 2.0f, 1.0f, 1000.0f);
    Bounds box;
    box.extend(glm::vec3(-10.0f, -10.0f, -110.0f));
    box.extend(glm::vec3(10.0f, 10.0f, -90.0f));
    const render::PixelRectangle r = render::screenRectangle(box, projection, 400, 200);
    // The box spans about a tenth of the picture's height round the centre.
    EXPECT_LT(r.x, 200);
    EXPECT_GT(r.x + r.width, 200);
    EXPECT_LT(r.y, 100);
    EXPECT_GT(r.y + r.height, 100);
    EXPECT_LT(r.width, 100);
    EXPECT_LT(r.height, 100);
    EXPECT_GT(r.height, 17) << "at least the box's own 17 pixels and a margin";
    // Reaching behind the eye: no bound from the projection, so all of it.
    box.extend(glm::vec3(0.0f, 0.0f, 50.0f));
    const render::PixelRectangle all = render::screenRectangle(box, projection, 400, 200);
    EXPECT_EQ(all.x, 0);
    EXPECT_EQ(all.y, 0);
    EXPECT_EQ(all.width, 400);
    EXPECT_EQ(all.height, 200);
    // Nothing opaque: nothing to darken.
    EXPECT_EQ(render::screenRectangle(Bounds{}, projection, 400, 200).width, 0);
}

TEST_F(ShadingTest, TranslucentStructuresNeitherCastNorReceiveOcclusion) {
    effects(true, false, false);
    // The block lying on the wall, but see-through: only the opaque depth counts.
    const Scene scene = creaseScene(true, true);
    ViewState view;
    view.syncWith(scene);
    view.setOpacity(1, 0.5f);
    const OrbitCamera camera = framed(scene);
    for (const char* mode : {"sorted", "weighted"}) {
        options_.transparency = mode;
        options_.ambientOcclusion = true;
        const Image withAo = draw(scene, view, camera);
        options_.ambientOcclusion = false;
        const Image without = draw(scene, view, camera);
        EXPECT_LT(darkenedPixels(withAo, without, 3.0f), 10) << mode;
    }
    options_.transparency = "sorted";
}

TEST_F(ShadingTest, AmbientOcclusionWorksWithASection) {
    effects(true, true, true);
    Scene scene = creaseScene(true, true);
    ViewState view;
    view.syncWith(scene);
    const OrbitCamera camera = framed(scene);
    options_.section = "sagittal";
    options_.sectionOffset = 0.0f;
    const Image withAo = draw(scene, view, camera);
    options_.ambientOcclusion = false;
    const Image without = draw(scene, view, camera);
    EXPECT_GT(darkenedPixels(withAo, without, 6.0f), 50)
        << "the cut scene still gets its occlusion";
    options_.section = "off";
}

TEST_F(ShadingTest, StriationStripesAcrossTheFibresNotAlongThem) {
    Scene scene;
    scene.add({"muscle", "Muscle", "", Layer::Muscle, Side::None, fibredPlate(20)});
    ViewState view;
    view.syncWith(scene);
    const OrbitCamera camera = framed(scene);
    effects(false, true, true);
    const Image striped = draw(scene, view, camera);
    options_.striation = false;
    const Image plain = draw(scene, view, camera);
    // The stripes alone: what striation adds to each pixel.
    const auto added = [&](int x, int y) {
        return luminance(striped, x, y) - luminance(plain, x, y);
    };
    std::vector<float> across, along;
    for (int x = kWidth / 2 - 24; x < kWidth / 2 + 24; ++x) across.push_back(added(x, kHeight / 2));
    for (int y = kHeight / 2 - 24; y < kHeight / 2 + 24; ++y) along.push_back(added(kWidth / 2, y));
    EXPECT_GT(standardDeviation(across), 2.5f) << "luminance varies from fascicle to fascicle";
    EXPECT_LT(standardDeviation(along), standardDeviation(across) / 3.0f)
        << "and not along a fibre";
    // A mesh without fibre directions gets no stripes.
    Scene bare;
    bare.add({"bare", "Bare muscle", "", Layer::Muscle, Side::None,
              test::makeBox({-1, -20, -20}, {1, 20, 20})});
    view.syncWith(bare);
    options_.striation = true;
    const Image bareStriped = draw(bare, view, camera);
    options_.striation = false;
    EXPECT_EQ(differingPixels(bareStriped, draw(bare, view, camera), 0), 0);
}

TEST_F(ShadingTest, TissueMaterialsMakeTendonGlossyAndTheBursaClear) {
    effects(false, true, false);
    // A dark tendon, so its highlight is not clipped at white either way.
    Scene scene;
    scene.add(
        {"tendon", "Tendon", "", Layer::Tendon, Side::None, test::makeSphere({0, 0, 0}, 20.0f)});
    ViewState view;
    view.syncWith(scene);
    auto a = view.appearances();
    a[0].colour = glm::vec3(0.2f);
    view.setAppearances(a);
    const OrbitCamera camera = framed(scene);
    const auto brightest = [](const Image& img) {
        float m = 0.0f;
        for (int y = 0; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x) m = std::max(m, luminance(img, x, y));
        return m;
    };
    const float glossy = brightest(draw(scene, view, camera));
    options_.tissueMaterials = false;
    const float plain = brightest(draw(scene, view, camera));
    EXPECT_GT(glossy, plain + 15.0f) << "a tendon's highlight is brighter";

    // A bursa in front of bone, opaque in the view state: the fluid lets the bone show.
    Scene sac;
    sac.add({"bone", "Bone", "", Layer::Bone, Side::None,
             test::makeBox({-20, -20, -20}, {20, 20, 20})});
    sac.add({"bursa", "Bursa", "", Layer::Bursa, Side::None,
             test::makeBox({30, -10, -10}, {32, 10, 10})});
    ViewState sacView;
    sacView.syncWith(sac);
    const OrbitCamera sacCamera = framed(sac);
    options_.tissueMaterials = true;
    const Image clear = draw(sac, sacView, sacCamera);
    options_.tissueMaterials = false;
    const Image solid = draw(sac, sacView, sacCamera);
    EXPECT_GT(clear.pixel(kWidth / 2, kHeight / 2)[0], solid.pixel(kWidth / 2, kHeight / 2)[0] + 10)
        << "bone shows through the fluid";
}

TEST_F(ShadingTest, FibresAreUploadedOnceAndOnlyWithTheGeometry) {
    Scene scene;
    scene.add({"muscle", "Muscle", "", Layer::Muscle, Side::None, fibredPlate(20)});
    scene.add(
        {"bone", "Bone", "", Layer::Bone, Side::None, test::makeBox({-30, -5, -5}, {-20, 5, 5})});
    ViewState view;
    view.syncWith(scene);
    const OrbitCamera camera = framed(scene);
    draw(scene, view, camera);
    ASSERT_NE(renderer_->gpuMesh(0), nullptr);
    EXPECT_TRUE(renderer_->gpuMesh(0)->hasFibres());
    EXPECT_FALSE(renderer_->gpuMesh(1)->hasFibres());
    auto a = view.appearances();
    a[0].colour = glm::vec3(0.1f, 0.5f, 0.2f);
    view.setAppearances(a);
    options_.striation = false;
    draw(scene, view, camera);
    draw(scene, view, camera, render::RenderDetail::Interactive);
    EXPECT_EQ(renderer_->gpuMesh(0)->fibreUploads(), 1) << "a colour or a switch uploads nothing";
    EXPECT_EQ(renderer_->gpuMesh(0)->positionUploads(), 1);
}

namespace {
// A plate facing the camera (+X), fibres superior (+Y), in strips 2 mm high so its tendon
// fraction can change sharply: belly (0) below y = -4 mm, tendon (1) above y = +4 mm, as a
// muscle's belly turns into its tendon. `tendon` false: no tendon fractions at all.
TriangleMesh stripedPlate(float halfSize, bool tendon) {
    TriangleMesh m;
    const int rows = static_cast<int>(halfSize);  // 2 mm apart
    for (int i = 0; i <= rows; ++i) {
        const float y = -halfSize + 2.0f * i;
        for (float z : {-halfSize, halfSize}) {
            m.positions.push_back({1.0f, y, z});
            m.normals.push_back({1, 0, 0});
            m.fibres.push_back({0, 1, 0});
            if (tendon) m.tendonFractions.push_back(glm::clamp((y + 4.0f) / 8.0f, 0.0f, 1.0f));
        }
    }
    for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(rows); ++i) {
        const std::uint32_t a = 2 * i, b = a + 2;  // z = -h at this row and the next
        m.indices.insert(m.indices.end(), {a, b, b + 1, a, b + 1, a + 1});
    }
    return m;
}

// Mean luminance and mean saturation (max - min channel) over a band of rows.
glm::vec2 bandTone(const Image& img, int y0, int y1, int x0, int x1) {
    float lum = 0.0f, sat = 0.0f;
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const auto* p = img.pixel(x, y);
            lum += luminance(img, x, y);
            sat += static_cast<float>(std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}));
            ++n;
        }
    return glm::vec2(lum, sat) / static_cast<float>(n);
}
}  // namespace

TEST_F(ShadingTest, TendonEndOfAMuscleIsPaleOnlyWithTissueMaterials) {
    Scene tendinous, fleshy;
    tendinous.add({"muscle", "Muscle", "", Layer::Muscle, Side::None, stripedPlate(20, true)});
    // Another id: the renderer keeps a GPU mesh per structure id and revision.
    fleshy.add({"flesh", "Muscle", "", Layer::Muscle, Side::None, stripedPlate(20, false)});
    ViewState view;
    view.syncWith(tendinous);
    const OrbitCamera camera = framed(tendinous);
    const int x0 = kWidth / 2 - 16, x1 = kWidth / 2 + 16;
    // Image rows run downward: the upper (tendon) end is at small y.
    const int top0 = kHeight / 2 - 18, top1 = kHeight / 2 - 8;
    const int low0 = kHeight / 2 + 8, low1 = kHeight / 2 + 18;
    effects(false, true, true);
    const Image withTendon = draw(tendinous, view, camera);
    const Image allBelly = draw(fleshy, view, camera);
    const glm::vec2 tendonEnd = bandTone(withTendon, top0, top1, x0, x1);
    const glm::vec2 sameWithout = bandTone(allBelly, top0, top1, x0, x1);
    EXPECT_GT(tendonEnd.x, sameWithout.x + 25.0f) << "the tendon end is paler";
    EXPECT_LT(tendonEnd.y, sameWithout.y - 25.0f) << "and less saturated (off-white, not red)";
    const glm::vec2 belly = bandTone(withTendon, low0, low1, x0, x1);
    const glm::vec2 bellyWithout = bandTone(allBelly, low0, low1, x0, x1);
    EXPECT_GT(tendonEnd.x, belly.x + 20.0f) << "paler than its own belly";
    EXPECT_NEAR(belly.x, bellyWithout.x, 3.0f) << "the belly keeps the muscle's colour";
    // Tissue materials off: the tendon fraction changes nothing, with or without striation.
    for (bool striation : {true, false}) {
        effects(false, false, striation);
        EXPECT_EQ(differingPixels(draw(tendinous, view, camera), draw(fleshy, view, camera), 0), 0)
            << "striation " << striation;
    }
}

TEST_F(ShadingTest, TendonFractionsAreUploadedOnlyWithTheGeometry) {
    Scene scene;
    scene.add({"muscle", "Muscle", "", Layer::Muscle, Side::None, stripedPlate(20, true)});
    scene.add(
        {"bone", "Bone", "", Layer::Bone, Side::None, test::makeBox({-30, -5, -5}, {-20, 5, 5})});
    ViewState view;
    view.syncWith(scene);
    const OrbitCamera camera = framed(scene);
    effects(false, true, true);
    draw(scene, view, camera);
    ASSERT_NE(renderer_->gpuMesh(0), nullptr);
    EXPECT_TRUE(renderer_->gpuMesh(0)->hasTendonFractions());
    EXPECT_FALSE(renderer_->gpuMesh(1)->hasTendonFractions());
    auto a = view.appearances();
    a[0].colour = glm::vec3(0.6f, 0.2f, 0.2f);
    view.setAppearances(a);
    options_.tissueMaterials = false;
    draw(scene, view, camera);
    options_.tissueMaterials = true;
    draw(scene, view, camera, render::RenderDetail::Interactive);
    EXPECT_EQ(renderer_->gpuMesh(0)->tendonUploads(), 1) << "a colour or a switch uploads nothing";
    EXPECT_EQ(renderer_->gpuMesh(0)->positionUploads(), 1);
}
