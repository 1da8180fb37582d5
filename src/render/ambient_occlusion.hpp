#pragma once
// Screen-space ambient occlusion for still frames: after the opaque pass, the depth is
// copied to a texture, occlusion estimated at half resolution and multiplied into the
// picture, before anything translucent is drawn (translucent structures then neither
// receive it nor are darkened by what lies behind them).
#include <glm/glm.hpp>

#include "render/gl.hpp"
#include "render/render_target.hpp"
#include "render/shader_program.hpp"

namespace medius::render {

class AmbientOcclusion {
  public:
    AmbientOcclusion();
    ~AmbientOcclusion();
    AmbientOcclusion(const AmbientOcclusion&) = delete;
    AmbientOcclusion& operator=(const AmbientOcclusion&) = delete;

    // Darkens the target's opaque picture by the occlusion its depth implies. Leaves the
    // target bound for drawing, blending, depth and stencil tests off and no program in use.
    void apply(const RenderTarget& target, const glm::mat4& projection, GLuint emptyVao);

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
