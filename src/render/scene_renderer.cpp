#include "render/scene_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <glm/gtc/type_ptr.hpp>

#include "core/condition_view.hpp"
#include "core/mesh_simplify.hpp"
#include "render/tissue_material.hpp"

namespace medius::render {

namespace {
// sRGB colours of the background: a dark slate that keeps bone and muscle
// colours true and reads well on a projector.
const glm::vec3 kBackgroundTop(0.31f, 0.34f, 0.39f);
const glm::vec3 kBackgroundBottom(0.12f, 0.13f, 0.15f);
const glm::vec3 kBackgroundPlain(0.20f, 0.22f, 0.25f);
constexpr int kMaxZones = 48;  // matches mesh.frag.glsl
constexpr float kOutlinePixels = 3.0f;
constexpr float kHighlightEmissive = 0.22f;

glm::vec3 toSrgb(const glm::vec3& c) {
    return glm::pow(glm::clamp(c, glm::vec3(0.0f), glm::vec3(1.0f)), glm::vec3(1.0f / 2.2f));
}
}  // namespace

SceneRenderer::SceneRenderer()
    : meshProgram_("mesh.vert.glsl", "mesh.frag.glsl"),
      backgroundProgram_("background.vert.glsl", "background.frag.glsl"),
      outlineProgram_("outline.vert.glsl", "outline.frag.glsl"),
      weightedResolveProgram_("background.vert.glsl", "oit_composite.frag.glsl") {
    glGenVertexArrays(1, &emptyVao_);
    // Meshes without fibre directions leave attribute 2 disabled and read this: no fibre.
    glVertexAttrib3f(2, 0.0f, 0.0f, 0.0f);
    // And those without tendon fractions read this: all belly.
    glVertexAttrib1f(3, 0.0f);
}

void SceneRenderer::setMaterial(Layer layer, const ViewOptions& options, const glm::vec3& origin) {
    if (mesh_ != materialProgram_.get()) return;
    const TissueMaterial m = tissueMaterial(layer, options);
    mesh_->set("uSurface", glm::vec4(m.specular, m.sharpness, m.wrap, m.fluid));
    mesh_->set("uDetail", glm::vec4(m.grain, m.striation, m.sheen, m.fascicleSpacing));
    mesh_->set("uTendon", glm::vec4(m.tendonColour, m.tendonShown));
    mesh_->set("uOrigin", origin);
}

void SceneRenderer::syncGeometry(const Scene& scene) {
    const auto& structures = scene.structures();
    meshes_.resize(structures.size());
    uploadedRevisions_.resize(structures.size(), 0);
    uploadedIds_.resize(structures.size());
    uploadedIndexCounts_.resize(structures.size(), 0);
    coarseStale_.resize(structures.size(), true);
    centres_.resize(structures.size(), glm::vec3(0.0f));
    bounds_.resize(structures.size());
    for (std::size_t i = 0; i < structures.size(); ++i) {
        const bool stale = !meshes_[i] || uploadedRevisions_[i] != scene.structureRevision(i) ||
                           uploadedIds_[i] != structures[i].id;
        if (!stale) continue;
        if (!meshes_[i]) meshes_[i] = std::make_unique<GpuMesh>();
        meshes_[i]->update(structures[i].mesh, true, true, true, true);
        // The simplified list depends on the triangles, not on where the vertices are:
        // a new pose moves the vertices of both lists at once, so it is built only for a
        // new mesh.
        const TriangleMesh& mesh = structures[i].mesh;
        if (uploadedIds_[i] != structures[i].id || uploadedIndexCounts_[i] != mesh.indices.size()) {
            meshes_[i]->setCoarseIndices({});
            coarseStale_[i] = true;  // built at the first moving frame: a screenshot never needs it
            uploadedIndexCounts_[i] = mesh.indices.size();
        }
        // For sorting and the occlusion's area, without a pass over the vertices per frame.
        bounds_[i] = mesh.bounds();
        centres_[i] = bounds_[i].centre();
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
    // The projector theme darkens the room: the most contrast a projector can give.
    const float dim = options.theme == "projector" ? 0.35f : 1.0f;
    backgroundProgram_.set("uTopColour", dim * (options.backgroundGradient ? kBackgroundTop
                                                                            : kBackgroundPlain));
    backgroundProgram_.set("uBottomColour", dim * (options.backgroundGradient ? kBackgroundBottom
                                                                               : kBackgroundPlain));
    glBindVertexArray(emptyVao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}

void SceneRenderer::setPainZones(const ViewState& view) {
    const auto& segments = view.painSegments();
    const int n = static_cast<int>(std::min<std::size_t>(segments.size(), kMaxZones));
    std::vector<glm::vec4> a(kMaxZones, glm::vec4(0.0f)), b(kMaxZones, glm::vec4(0.0f));
    for (int i = 0; i < n; ++i) {
        a[i] = glm::vec4(segments[i].a, segments[i].radius);
        b[i] = glm::vec4(segments[i].b, segments[i].referred ? -segments[i].intensity
                                                             : segments[i].intensity);
    }
    mesh_->set("uZoneCount", n);
    mesh_->set("uZoneA", a);
    mesh_->set("uZoneB", b);
    mesh_->set("uLocalPainColour", localPainColour());
    mesh_->set("uReferredPainColour", referredPainColour());
}

void SceneRenderer::drawSectionCaps(const Scene& scene, const ViewState& view,
                                    const glm::vec4& plane) {
    // The quad lies in the plane and covers the whole scene.
    if (plane != capPlane_) {
        const glm::vec3 n(plane);
        const Bounds b = scene.bounds();
        const glm::vec3 centre = b.centre() - n * (glm::dot(n, b.centre()) + plane.w);
        const glm::vec3 u = glm::normalize(glm::cross(n, std::fabs(n.y) < 0.9f ? glm::vec3(0, 1, 0)
                                                                                : glm::vec3(1, 0, 0)));
        const glm::vec3 v = glm::cross(n, u);
        const float h = std::max(b.radius(), 1.0f) * 1.5f;
        TriangleMesh quad;
        quad.positions = {centre - u * h - v * h, centre + u * h - v * h, centre + u * h + v * h,
                          centre - u * h + v * h};
        quad.normals.assign(4, -n);  // facing the removed side, where the viewer looks from
        quad.indices = {0, 2, 1, 0, 3, 2};  // wound to face along the normals
        capQuad_.update(quad, true, true, true, true);
        capPlane_ = plane;
    }
    glEnable(GL_STENCIL_TEST);
    glClearStencil(0);
    glClear(GL_STENCIL_BUFFER_BIT);
    glStencilMask(0x01);
    mesh_->set("uPaintCanvas", 0);
    mesh_->set("uEmissive", 0.0f);
    mesh_->set("uOpacity", 1.0f);
    setMaterial(Layer::Other, ViewOptions{}, glm::vec3(0.0f));  // cut faces: the plain response
    for (std::size_t i = 0; i < std::min(scene.size(), view.appearances().size()); ++i) {
        const auto& a = view.appearance(i);
        if (!a.visible || a.opacity < 1.0f || a.painCanvas) continue;
        // Parity: every surface fragment in front of or behind the plane flips the bit.
        glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
        glDisable(GL_DEPTH_TEST);
        glDepthMask(GL_FALSE);
        glStencilFunc(GL_ALWAYS, 0, 0x01);
        glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
        meshes_[i]->draw();
        // The plane where the bit is set is inside this structure: its cut face.
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glEnable(GL_DEPTH_TEST);
        glDepthMask(GL_TRUE);
        glStencilFunc(GL_EQUAL, 1, 0x01);
        glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);  // and clear the bit for the next structure
        // The cap lies on the plane itself, where its clip distance is zero give or take a
        // rounding: with the clip distance only disabled, llvmpipe still dropped the whole quad
        // whenever that rounding fell below zero (at one offset in a few, e.g. 139.95 mm). So the
        // cap is drawn with a plane that keeps everything, as well as with clipping off.
        glDisable(GL_CLIP_DISTANCE0);
        mesh_->set("uClipPlane", glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
        mesh_->set("uBaseColour", a.colour * 0.8f);  // cut tissue reads darker
        capQuad_.draw();
        mesh_->set("uClipPlane", plane);
        glEnable(GL_CLIP_DISTANCE0);
    }
    glStencilMask(0xff);
    glDisable(GL_STENCIL_TEST);
}

void SceneRenderer::drawOutlines(const Scene& scene, const ViewState& view,
                                 const glm::mat4& viewProjection, const glm::vec4& clip,
                                 const RenderTarget& target) {
    std::vector<std::size_t> outlined;
    for (std::size_t i = 0; i < std::min(scene.size(), view.appearances().size()); ++i)
        if (view.appearance(i).visible && view.appearance(i).highlighted) outlined.push_back(i);
    if (outlined.empty()) return;
    // Mark every highlighted pixel, hidden or not, then draw the normal-extruded shells
    // only outside the marks: a clean silhouette that shows even behind bone.
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_STENCIL_TEST);
    glClearStencil(0);
    glClear(GL_STENCIL_BUFFER_BIT);
    outlineProgram_.use();
    outlineProgram_.set("uViewProjection", viewProjection);
    outlineProgram_.set("uClipPlane", clip);
    outlineProgram_.set("uViewport", glm::vec2(target.width(), target.height()));
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilFunc(GL_ALWAYS, 1, 0xff);
    glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
    outlineProgram_.set("uWidthPixels", 0.0f);
    for (std::size_t i : outlined) meshes_[i]->draw(coarse_);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilFunc(GL_NOTEQUAL, 1, 0xff);
    glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
    const float scale = std::max(1.0f, target.height() / 1000.0f);  // as thick at 4K as at 1080p
    outlineProgram_.set("uWidthPixels", kOutlinePixels * scale);
    for (std::size_t i : outlined) {
        outlineProgram_.set("uColour", toSrgb(view.appearance(i).outlineColour));
        meshes_[i]->draw(coarse_);
    }
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_DEPTH_TEST);
}

void SceneRenderer::render(const Scene& scene, const ViewState& view, const OrbitCamera& camera,
                           const ViewOptions& options, RenderTarget& target, RenderDetail detail) {
    syncGeometry(scene);
    coarse_ = detail == RenderDetail::Interactive && options.simplifyWhileMoving;
    lastTriangles_ = 0;
    if (coarse_)
        for (std::size_t i = 0; i < meshes_.size(); ++i) {
            if (!coarseStale_[i]) continue;
            const Structure& s = scene.structures()[i];
            // Sheets (the iliotibial band, bursae, insertions, capsule, nerves) are thinner
            // than a cluster cell: front and back would merge and flicker. Only the solid
            // bones, muscles and the skin are simplified.
            const bool solid = s.layer == Layer::Bone || s.layer == Layer::Muscle || s.layer == Layer::Skin;
            const std::size_t target = interactiveTriangleTarget(s.mesh.triangleCount());
            if (solid && target < s.mesh.triangleCount())
                meshes_[i]->setCoarseIndices(clusteredIndices(s.mesh, target));
            coarseStale_[i] = false;
        }
    // Still frames get the depth effects; frames while the camera moves stay as cheap as before.
    const bool still = detail == RenderDetail::Full;
    mesh_ = &meshProgram_;
    if (still && materialsWanted(options)) {
        if (!materialProgram_)
            materialProgram_ = std::make_unique<ShaderProgram>("mesh.vert.glsl", "mesh.frag.glsl",
                                                               "#define TISSUE_MATERIALS\n");
        mesh_ = materialProgram_.get();
    }
    target.bindForDrawing();
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    drawBackground(options);

    const float aspect = static_cast<float>(target.width()) / std::max(target.height(), 1);
    const glm::mat4 viewMatrix = camera.viewMatrix();
    mesh_->use();
    mesh_->set("uView", viewMatrix);
    mesh_->set("uViewProjection", camera.projectionMatrix(aspect) * viewMatrix);
    mesh_->set("uExposure", options.exposure);
    mesh_->set("uRimStrength", options.rimLight ? 0.35f : 0.0f);
    mesh_->set("uSkyDirection", glm::normalize(glm::mat3(viewMatrix) * glm::vec3(0, 1, 0)));
    const auto plane = sectionPlane(options);
    // With no section, a plane that keeps everything.
    const glm::vec4 clip = plane.value_or(glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
    mesh_->set("uClipPlane", clip);
    if (plane) glEnable(GL_CLIP_DISTANCE0);

    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);

    setPainZones(view);

    const auto& structures = scene.structures();
    const std::size_t count = std::min(structures.size(), view.appearances().size());
    const auto drawStructure = [&](std::size_t i, float opacity) {
        const auto& a = view.appearance(i);
        setMaterial(structures[i].layer, options, centres_[i]);
        mesh_->set("uBaseColour", a.colour);
        mesh_->set("uOpacity", opacity);
        mesh_->set("uEmissive", a.highlighted ? kHighlightEmissive : 0.0f);
        mesh_->set("uPaintCanvas", a.painCanvas ? 1 : 0);
        meshes_[i]->draw(coarse_);
        lastTriangles_ += meshes_[i]->drawnTriangles(coarse_);
    };
    std::vector<std::size_t> translucent;
    Bounds opaqueBounds;  // of what the opaque pass draws: all the occlusion can fall on
    // Opaque structures nearest first: the depth test then rejects hidden fragments before
    // they are shaded, which on a software renderer is most of a frame's cost.
    const glm::vec3 eye = camera.eye();
    std::vector<std::size_t> order(count);
    std::vector<float> nearness(count, 0.0f);
    for (std::size_t i = 0; i < count; ++i) {
        order[i] = i;
        nearness[i] = glm::length(centres_[i] - eye);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return nearness[x] < nearness[y]; });
    for (std::size_t i : order) {
        const auto& a = view.appearance(i);
        if (!a.visible || a.opacity <= 0.0f) continue;
        // The pain canvas blends its paint over what lies under it, so it is drawn translucent.
        // So is a fluid sac when materials are on: its material sets how clear it is.
        const bool fluid = mesh_ == materialProgram_.get() &&
                           tissueMaterial(structures[i].layer, options).fluid > 0.0f;
        if (a.opacity < 1.0f || (a.painCanvas && !view.painSegments().empty()) || fluid) {
            translucent.push_back(i);
            continue;
        }
        // Medius's own meshes are closed and wound outward: with nothing cut open, their
        // back faces are never seen and need not be drawn. (The skin is open at the waist;
        // a user's model may be open anywhere.)
        const bool closed = !plane && structures[i].layer != Layer::Skin && structures[i].layer != Layer::Other;
        if (closed) {
            glEnable(GL_CULL_FACE);
            glCullFace(GL_BACK);
        }
        drawStructure(i, 1.0f);
        opaqueBounds.extend(bounds_[i]);
        if (closed) glDisable(GL_CULL_FACE);
    }
    if (plane) drawSectionCaps(scene, view, *plane);
    if (still && options.ambientOcclusion) {
        // On the opaque picture only: what is drawn after it is neither darkened nor occluding.
        if (!ambientOcclusion_) ambientOcclusion_ = std::make_unique<AmbientOcclusion>();
        glDisable(GL_CLIP_DISTANCE0);  // the full-screen passes write no clip distance
        const glm::mat4 projection = camera.projectionMatrix(aspect);
        ambientOcclusion_->apply(target, projection, emptyVao_,
                                 screenRectangle(opaqueBounds, projection * viewMatrix,
                                                 target.width(), target.height()));
        if (plane) glEnable(GL_CLIP_DISTANCE0);
        glEnable(GL_DEPTH_TEST);
        mesh_->use();
    }

    mesh_->set("uWeightedPass", 0);
    bool translucentDone = false;
    std::string weightedError;  // targets that cannot be made: the sorted pass below instead
    if (!translucent.empty() && options.transparency == "weighted" &&
        target.bindWeightedForDrawing(weightedError)) {
        // Weighted blended order-independent transparency: every translucent surface adds
        // to two sums (both sides of each structure, in any order), then one full-screen
        // pass lays their weighted average over the opaque picture.
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE);
        glDepthMask(GL_FALSE);
        mesh_->use();
        mesh_->set("uWeightedPass", 1);
        for (std::size_t i : translucent) drawStructure(i, view.appearance(i).opacity);
        mesh_->set("uWeightedPass", 0);
        target.bindForDrawing();
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CLIP_DISTANCE0);  // the full-screen pass writes no clip distance
        glBlendFunc(GL_ONE_MINUS_SRC_ALPHA, GL_SRC_ALPHA);
        weightedResolveProgram_.use();
        weightedResolveProgram_.set("uAccum", 0);
        weightedResolveProgram_.set("uLogClear", 1);
        weightedResolveProgram_.set("uAccumMs", 2);
        weightedResolveProgram_.set("uLogClearMs", 3);
        weightedResolveProgram_.set("uSamples", target.samples());
        target.bindWeightedSums();
        glBindVertexArray(emptyVao_);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glBindVertexArray(0);
        if (plane) glEnable(GL_CLIP_DISTANCE0);
        glEnable(GL_DEPTH_TEST);
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
        translucentDone = true;
    }
    if (!translucent.empty() && !translucentDone) {
        // Far structures first, so nearer translucent ones blend over them; the skin,
        // which encloses everything, always last.
        std::vector<float> depth(structures.size(), 0.0f);
        for (std::size_t i : translucent) depth[i] = nearness[i];
        std::sort(translucent.begin(), translucent.end(), [&](std::size_t x, std::size_t y) {
            const bool skinX = view.appearance(x).painCanvas, skinY = view.appearance(y).painCanvas;
            if (skinX != skinY) return skinY;
            return depth[x] > depth[y];
        });
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(GL_FALSE);
        glEnable(GL_CULL_FACE);
        for (std::size_t i : translucent) {
            // Back faces, then front faces: a closed translucent shape blends in order.
            glCullFace(GL_FRONT);
            drawStructure(i, view.appearance(i).opacity);
            glCullFace(GL_BACK);
            drawStructure(i, view.appearance(i).opacity);
        }
        glDisable(GL_CULL_FACE);
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
    }
    drawOutlines(scene, view, camera.projectionMatrix(aspect) * viewMatrix, clip, target);
    glDisable(GL_CLIP_DISTANCE0);
    target.resolve();
}

}  // namespace medius::render
