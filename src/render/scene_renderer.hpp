#pragma once
// Draws a Scene as the ViewState says: background pass, opaque structures,
// then translucent ones back to front. Reads view state; decides nothing.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/orbit_camera.hpp"
#include "core/structure.hpp"
#include "core/view_options.hpp"
#include "core/view_state.hpp"
#include "render/ambient_occlusion.hpp"
#include "render/gpu_mesh.hpp"
#include "render/render_target.hpp"
#include "render/shader_program.hpp"

namespace medius::render {

// Full: every triangle. Interactive: the simplified meshes, for frames drawn while the
// camera moves (the caller draws a full frame when it stops).
enum class RenderDetail { Full, Interactive };

class SceneRenderer {
public:
    SceneRenderer();  // needs a current OpenGL 3.3 context; compiles the shaders

    // Uploads structures whose geometry changed since the last call.
    void syncGeometry(const Scene& scene);
    void render(const Scene& scene, const ViewState& view, const OrbitCamera& camera,
                const ViewOptions& options, RenderTarget& target,
                RenderDetail detail = RenderDetail::Full);
    // Triangles the last render() submitted to its shading pass (outlines and caps aside).
    std::size_t lastTriangles() const { return lastTriangles_; }

    std::size_t gpuBytes() const;
    const GpuMesh* gpuMesh(std::size_t i) const { return i < meshes_.size() ? meshes_[i].get() : nullptr; }

private:
    void drawBackground(const ViewOptions& options);
    void setPainZones(const ViewState& view);
    // Fills the cut surfaces: a stencil parity pass per structure, then the plane itself
    // where the parity is odd (inside that structure).
    void drawSectionCaps(const Scene& scene, const ViewState& view, const glm::vec4& plane);
    void drawOutlines(const Scene& scene, const ViewState& view, const glm::mat4& viewProjection,
                      const glm::vec4& clip, const RenderTarget& target);
    void setMaterial(Layer layer, const ViewOptions& options, const glm::vec3& origin);
    ShaderProgram meshProgram_;
    // Still frames with tissue materials or striation: the same shaders built with
    // TISSUE_MATERIALS, made at the first such frame. mesh_ is the one this frame draws with.
    std::unique_ptr<ShaderProgram> materialProgram_;
    ShaderProgram* mesh_ = &meshProgram_;
    std::unique_ptr<AmbientOcclusion> ambientOcclusion_;  // made at the first still frame with it
    ShaderProgram backgroundProgram_;
    ShaderProgram outlineProgram_;
    ShaderProgram weightedResolveProgram_;
    GLuint emptyVao_ = 0;
    GpuMesh capQuad_;
    glm::vec4 capPlane_{0.0f};  // core profile needs a bound VAO even for attribute-less draws
    std::vector<std::unique_ptr<GpuMesh>> meshes_;
    std::vector<std::uint64_t> uploadedRevisions_;
    std::vector<std::string> uploadedIds_;
    std::vector<std::size_t> uploadedIndexCounts_;
    std::vector<bool> coarseStale_;
    std::vector<glm::vec3> centres_;  // each structure's bounds centre at its last upload
    std::vector<Bounds> bounds_;      // and its bounds (where on screen the occlusion is needed)
    bool coarse_ = false;
    std::size_t lastTriangles_ = 0;
};

}  // namespace medius::render
