#pragma once
// Screen-space ambient occlusion for still frames: after the opaque pass, the depth is
// copied to a texture, occlusion estimated at half resolution and multiplied into the
// picture, before anything translucent is drawn (translucent structures then neither
// receive it nor are darkened by what lies behind them). All three passes keep to the
// rectangle the opaque structures cover on screen: in the default view the anatomy fills a
// tenth of the picture, and the rest is background that no occlusion falls on.
#include <glm/glm.hpp>

#include "core/mesh.hpp"
#include "render/gl.hpp"
#include "render/render_target.hpp"
#include "render/shader_program.hpp"

namespace medius::render {

// A rectangle of pixels (origin bottom left, as glScissor takes it).
struct PixelRectangle {
    int x = 0, y = 0, width = 0, height = 0;
};

// The pixels the box can cover under viewProjection in a width x height picture, with a
// margin of background around it; the whole picture where the box reaches behind the eye.
PixelRectangle screenRectangle(const Bounds& box, const glm::mat4& viewProjection, int width,
                               int height);

class AmbientOcclusion {
  public:
    AmbientOcclusion();
    ~AmbientOcclusion();
    AmbientOcclusion(const AmbientOcclusion&) = delete;
    AmbientOcclusion& operator=(const AmbientOcclusion&) = delete;

    // Darkens the target's opaque picture by the occlusion its depth implies. Leaves the
    // target bound for drawing, blending, depth and stencil tests off and no program in use.
    // Only `area` is read and darkened: everything opaque must lie inside it.
    void apply(const RenderTarget& target, const glm::mat4& projection, GLuint emptyVao,
               const PixelRectangle& area);

  private:
    void resize(int width, int height);
    void release();
    ShaderProgram estimateProgram_;
    ShaderProgram applyProgram_;
    int width_ = 0, height_ = 0;
    GLuint depthFbo_ = 0, depthTexture_ = 0;
    GLuint occlusionFbo_ = 0, occlusionTexture_ = 0;
};

}  // namespace medius::render
