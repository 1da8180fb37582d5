#include "app/handout_picture.hpp"

#include <algorithm>
#include <cmath>

#include "core/condition_view.hpp"
#include "render/render_target.hpp"

namespace medius::app {

namespace {
constexpr int kWidth = 900, kHeight = 1100;
// Smaller than this (mm) and a single patch fills the frame: no one could tell which part
// of the body they are looking at.
constexpr float kMinimumExtent = 260.0f;

// The distance at which all of `box` is in the frame, seen from the camera's direction with
// the box's centre in the middle. Tighter than fitting the box's bounding sphere, which
// would leave a tall strip of pain down a thigh small in a wide, empty frame.
float fittingDistance(OrbitCamera camera, const Bounds& box, float aspect) {
    CameraPose pose = camera.pose();
    pose.target = box.centre();
    camera.setPose(pose);
    const float tanY = std::tan(camera.fovY * 0.5f), tanX = tanY * aspect;
    float distance = 0.0f;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y,
                               i & 4 ? box.max.z : box.min.z);
        const glm::vec3 offset = corner - box.centre();
        // The corner's depth in front of the target shortens the distance it needs.
        const float depth = glm::dot(offset, camera.forward());
        distance = std::max({distance, std::fabs(glm::dot(offset, camera.right())) / tanX - depth,
                             std::fabs(glm::dot(offset, camera.up())) / tanY - depth});
    }
    return distance * 1.05f;  // a little margin round the pain
}

// `box` widened to the skin at its height on the screen: the frame then holds the whole
// breadth of the limb or trunk the pain is on, centred, rather than a strip of it.
Bounds widenedToBody(const Scene& scene, const OrbitCamera& camera, const Bounds& box) {
    const Structure* skin = scene.find("skin");
    if (!skin) return box;
    const glm::vec3 up = camera.up();
    float low = 1e30f, high = -1e30f;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y,
                               i & 4 ? box.max.z : box.min.z);
        low = std::min(low, glm::dot(corner, up));
        high = std::max(high, glm::dot(corner, up));
    }
    Bounds out = box;
    for (const glm::vec3& p : skin->mesh.positions)
        if (const float h = glm::dot(p, up); h >= low && h <= high) out.extend(p);
    return out;
}

// One frame of `view` into `target`, read back.
Image renderOnce(const AppState& state, const ViewState& view, const OrbitCamera& camera,
                 const ViewOptions& options, render::RenderTarget& target,
                 render::SceneRenderer& renderer) {
    renderer.render(state.scene, view, camera, options, target);
    return target.readPixels();
}
}  // namespace

std::vector<StructureAppearance> handoutAppearances(const Scene& scene) {
    std::vector<StructureAppearance> out;
    out.reserve(scene.size());
    for (const auto& s : scene.structures()) {
        StructureAppearance a = ViewState::defaultAppearance(s);
        // A patient recognises their body by its skin; what lies under it would only
        // show through as ghosts.
        a.visible = s.layer == Layer::Skin;
        a.opacity = 1.0f;
        a.highlighted = false;
        out.push_back(a);
    }
    return out;
}

Bounds painAreaFocus(const std::vector<PainSegment>& zones, float minimumExtent) {
    Bounds b;
    for (const auto& z : zones)
        for (const glm::vec3& p : {z.a, z.b}) {
            b.extend(p - glm::vec3(z.radius));
            b.extend(p + glm::vec3(z.radius));
        }
    if (!b.valid()) return b;
    const glm::vec3 half = glm::max(b.size() * 0.5f, glm::vec3(minimumExtent * 0.5f));
    return Bounds{b.centre() - half, b.centre() + half};
}

Image composeOverWhite(const Image& lit, const Image& black, const Image& background) {
    Image out = lit;
    for (std::size_t i = 0; i + 3 < out.rgba.size(); i += 4) {
        // Where the body covers a pixel the black render is black; where it does not, it is
        // the background. That gives the coverage, edges included.
        int bg = 1, dark = 0;
        for (int c = 0; c < 3; ++c)
            if (background.rgba[i + c] > bg) {
                bg = background.rgba[i + c];
                dark = black.rgba[i + c];
            }
        const float cover = std::clamp(1.0f - static_cast<float>(dark) / bg, 0.0f, 1.0f);
        for (int c = 0; c < 3; ++c) {
            const float body = static_cast<float>(lit.rgba[i + c]) - black.rgba[i + c];
            out.rgba[i + c] =
                static_cast<std::uint8_t>(std::clamp(body + (1.0f - cover) * 255.0f, 0.0f, 255.0f));
        }
        out.rgba[i + 3] = 255;
    }
    return out;
}

// The view rendered for paper: dark theme, no section or X-ray, sorted transparency (the skin
// in front fully covers the skin behind it), then set on white. The same frame unlit (black
// body) and without the body (background only) together say how much of each pixel the body
// covers, so it can stand on white paper.
Image renderOnWhite(const AppState& state, const ViewState& view, const OrbitCamera& camera,
                    render::RenderTarget& target, render::SceneRenderer& renderer) {
    ViewOptions options = state.options;
    options.section = "off";
    options.xray = false;
    options.theme = "dark";
    options.transparency = "sorted";
    options.backgroundGradient = false;
    options.exposure = 1.0f;
    const Image lit = renderOnce(state, view, camera, options, target, renderer);
    options.exposure = 0.0f;
    const Image black = renderOnce(state, view, camera, options, target, renderer);
    ViewState empty;
    std::vector<StructureAppearance> none = view.appearances();
    for (auto& a : none) a.visible = false;
    empty.setAppearances(none);
    const Image background = renderOnce(state, empty, camera, options, target, renderer);
    return composeOverWhite(lit, black, background);
}

Image renderHandoutPicture(AppState& state, render::SceneRenderer& renderer, std::string& error) {
    const Condition* c = state.condition();
    if (!c) {
        error = "no condition chosen";
        return {};
    }
    render::RenderTarget target;
    if (!target.resize(kWidth, kHeight, 4, error)) return {};
    DiagnosticSink ignored;  // unknown landmarks were reported when the content loaded
    ViewState view;
    view.setAppearances(handoutAppearances(state.scene));
    view.setPainSegments(resolvePainZones(state.scene, *c, ignored));
    // The condition's own side, always: the handout does not follow the window's camera.
    OrbitCamera camera = state.camera;
    const ViewPreset preset = parseViewPreset(c->view).value_or(ViewPreset::RightLateral);
    const float aspect = static_cast<float>(kWidth) / kHeight;
    Bounds focus = painAreaFocus(view.painSegments(), kMinimumExtent);
    if (!focus.valid()) focus = conditionFocus(state.scene, *c, {});
    CameraPose pose = camera.framing(focus, preset, aspect);
    camera.setPose(pose);
    focus = widenedToBody(state.scene, camera, focus);
    pose.target = focus.centre();
    pose.distance = fittingDistance(camera, focus, aspect);
    camera.setPose(pose);

    return renderOnWhite(state, view, camera, target, renderer);
}

}  // namespace medius::app

namespace medius::app {

Image renderExercisePicture(AppState& state, render::SceneRenderer& renderer,
                            const Exercise& exercise, float phase, std::string& error) {
    constexpr int kExerciseWidth = 800, kExerciseHeight = 600;
    // Pose the model at the moment, as the panel would, then put the app's state back.
    const std::string wasPlaying = state.exerciseId;
    const ExerciseClock wasClock = state.exerciseClock;
    DiagnosticSink ignored;
    state.exerciseId = exercise.id;
    state.exerciseClock.start(exercise.loopSeconds);
    state.exerciseClock.scrub(phase);
    state.updatePose();
    render::RenderTarget target;
    Image out;
    if (target.resize(kExerciseWidth, kExerciseHeight, 4, error)) {
        // The bones, a pale see-through skin for the body's outline, and the muscles that work
        // in their role colours; nothing else.
        std::vector<StructureAppearance> looks(state.scene.size());
        for (std::size_t i = 0; i < state.scene.size(); ++i) {
            const Structure& s = state.scene.structures()[i];
            StructureAppearance& a = looks[i];
            a.visible = s.layer == Layer::Bone || s.layer == Layer::Skin;
            a.colour = s.layer == Layer::Skin ? glm::vec3(0.80f, 0.62f, 0.52f)
                                              : glm::vec3(0.78f, 0.75f, 0.68f);
            a.opacity = s.layer == Layer::Skin ? 0.30f : 1.0f;
            for (const auto& m : exercise.muscles)
                if (m.id == s.id) {
                    a.visible = true;
                    a.opacity = 1.0f;
                    a.colour = muscleRoleColour(m.role);
                }
        }
        ViewState view;
        view.setAppearances(looks);
        OrbitCamera camera = state.camera;
        const float aspect = static_cast<float>(kExerciseWidth) / kExerciseHeight;
        const float savedAspect = state.aspect;
        state.aspect = aspect;
        CameraPose pose = state.exerciseFraming();
        state.aspect = savedAspect;
        camera.setPose(pose);
        pose.target = state.scene.bounds().centre();
        pose.distance = fittingDistance(camera, state.scene.bounds(), aspect);
        camera.setPose(pose);
        out = renderOnWhite(state, view, camera, target, renderer);
    }
    state.exerciseId = wasPlaying;
    state.exerciseClock = wasClock;
    state.updatePose();
    state.applyCondition(ignored);
    return out;
}

}  // namespace medius::app

namespace medius::app {

std::vector<HandoutExercise> handoutExercises(AppState& state, render::SceneRenderer& renderer,
                                              const std::vector<std::string>& ids,
                                              std::string& error) {
    std::vector<HandoutExercise> out;
    for (const auto& id : ids) {
        const Exercise* e = findExercise(state.exercises(), id);
        if (!e) {
            error = "unknown exercise '" + id + "'";
            return {};
        }
        HandoutExercise h;
        h.name = e->patientName;
        h.dosage = state.forHandout(*e).dosageText();  // as the physiotherapist set it
        h.instructions = e->patientInstructions;
        for (const auto& c : e->cautions) h.cautions.push_back(c.patient);
        h.start = renderExercisePicture(state, renderer, *e, 0.0f, error);
        h.end = renderExercisePicture(state, renderer, *e, e->endAt, error);
        if (h.start.rgba.empty() || h.end.rgba.empty()) return {};
        out.push_back(std::move(h));
    }
    return out;
}

}  // namespace medius::app
