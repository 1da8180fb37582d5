#include "render/scene_renderer.hpp"

#include <algorithm>

namespace medius::render {

namespace {
// sRGB colours of the background: a dark slate that keeps bone and muscle
// colours true and reads well on a projector.
const glm::vec3 kBackgroundTop(0.31f, 0.34f, 0.39f);
const glm::vec3 kBackgroundBottom(0.12f, 0.13f, 0.15f);
const glm::vec3 kBackgroundPlain(0.20f, 0.22f, 0.25f);
}  // namespace

SceneRenderer::SceneRenderer()
    : meshProgram_("mesh.vert.glsl", "mesh.frag.glsl"),
      backgroundProgram_("background.vert.glsl", "background.frag.glsl") {
    glGenVertexArrays(1, &emptyVao_);
}

void SceneRenderer::syncGeometry(const Scene& scene) {
    const auto& structures = scene.structures();
    meshes_.resize(structures.size());
    uploadedRevisions_.resize(structures.size(), 0);
    uploadedIds_.resize(structures.size());
    for (std::size_t i = 0; i < structures.size(); ++i) {
        const bool stale = !meshes_[i] || uploadedRevisions_[i] != scene.structureRevision(i) ||
                           uploadedIds_[i] != structures[i].id;
        if (!stale) continue;
        if (!meshes_[i]) meshes_[i] = std::make_unique<GpuMesh>();
        meshes_[i]->update(structures[i].mesh, true, true);
        uploadedRevisions_[i] = scene.structureRevision(i);
        uploadedIds_[i] = structures[i].id;
    }
}

std::size_t SceneRenderer::gpuBytes() const {
    std::size_t total = 0;
    for (const auto& m : meshes_) total += m ? m->gpuBytes() : 0;
    return total;
}

void SceneRenderer::drawBackground(const ViewOptions& options) {
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    backgroundProgram_.use();
    backgroundProgram_.set("uTopColour", options.backgroundGradient ? kBackgroundTop
                                                                     : kBackgroundPlain);
    backgroundProgram_.set("uBottomColour", options.backgroundGradient ? kBackgroundBottom
                                                                        : kBackgroundPlain);
    glBindVertexArray(emptyVao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}

void SceneRenderer::render(const Scene& scene, const ViewState& view, const OrbitCamera& camera,
                           const ViewOptions& options, RenderTarget& target) {
    syncGeometry(scene);
    target.bindForDrawing();
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    drawBackground(options);

    const float aspect = static_cast<float>(target.width()) / std::max(target.height(), 1);
    const glm::mat4 viewMatrix = camera.viewMatrix();
    meshProgram_.use();
    meshProgram_.set("uView", viewMatrix);
    meshProgram_.set("uViewProjection", camera.projectionMatrix(aspect) * viewMatrix);
    meshProgram_.set("uExposure", options.exposure);
    meshProgram_.set("uRimStrength", options.rimLight ? 0.35f : 0.0f);
    meshProgram_.set("uSkyDirection", glm::normalize(glm::mat3(viewMatrix) * glm::vec3(0, 1, 0)));

    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);

    const auto& structures = scene.structures();
    const std::size_t count = std::min(structures.size(), view.appearances().size());
    std::vector<std::size_t> translucent;
    for (std::size_t i = 0; i < count; ++i) {
        const auto& a = view.appearance(i);
        if (!a.visible || a.opacity <= 0.0f) continue;
        if (a.opacity < 1.0f) {
            translucent.push_back(i);
            continue;
        }
        meshProgram_.set("uBaseColour", a.colour);
        meshProgram_.set("uOpacity", 1.0f);
        meshes_[i]->draw();
    }

    if (!translucent.empty()) {
        // Far structures first, so nearer translucent ones blend over them.
        const glm::vec3 eye = camera.eye();
        std::vector<float> depth(structures.size(), 0.0f);
        for (std::size_t i : translucent)
            depth[i] = glm::length(structures[i].mesh.bounds().centre() - eye);
        std::sort(translucent.begin(), translucent.end(),
                  [&](std::size_t x, std::size_t y) { return depth[x] > depth[y]; });
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(GL_FALSE);
        glEnable(GL_CULL_FACE);
        for (std::size_t i : translucent) {
            const auto& a = view.appearance(i);
            meshProgram_.set("uBaseColour", a.colour);
            meshProgram_.set("uOpacity", a.opacity);
            // Back faces, then front faces: a closed translucent shape blends in order.
            glCullFace(GL_FRONT);
            meshes_[i]->draw();
            glCullFace(GL_BACK);
            meshes_[i]->draw();
        }
        glDisable(GL_CULL_FACE);
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
    }
    target.resolve();
}

}  // namespace medius::render
