#include "render/ambient_occlusion.hpp"

#include <algorithm>

namespace medius::render {

namespace {
// A radius about a tendon's width: creases between muscles and at insertions darken, a
// whole muscle belly does not shade its neighbour.
constexpr float kRadiusMm = 9.0f;
constexpr float kIntensity = 1.0f;
constexpr float kStrength = 0.75f;
}  // namespace

AmbientOcclusion::AmbientOcclusion()
    : estimateProgram_("background.vert.glsl", "ssao.frag.glsl"),
      applyProgram_("background.vert.glsl", "ssao_apply.frag.glsl") {}

AmbientOcclusion::~AmbientOcclusion() {
    release();
}

void AmbientOcclusion::release() {
    if (depthFbo_) glDeleteFramebuffers(1, &depthFbo_);
    if (depthTexture_) glDeleteTextures(1, &depthTexture_);
    if (occlusionFbo_) glDeleteFramebuffers(1, &occlusionFbo_);
    if (occlusionTexture_) glDeleteTextures(1, &occlusionTexture_);
    depthFbo_ = depthTexture_ = occlusionFbo_ = occlusionTexture_ = 0;
    width_ = height_ = 0;
}

void AmbientOcclusion::resize(int width, int height) {
    if (width == width_ && height == height_) return;
    release();
    const auto texture = [](GLenum format, GLenum channels, GLenum type, int w, int h,
                            GLenum filter) {
        GLuint t = 0;
        glGenTextures(1, &t);
        glBindTexture(GL_TEXTURE_2D, t);
        glTexImage2D(GL_TEXTURE_2D, 0, format, w, h, 0, channels, type, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, 0);
        return t;
    };
    // The same format as the target's depth, so a (multisample-resolving) blit can copy it.
    depthTexture_ = texture(GL_DEPTH24_STENCIL8, GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8, width,
                            height, GL_NEAREST);
    glGenFramebuffers(1, &depthFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, depthFbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_TEXTURE_2D,
                           depthTexture_, 0);
    glDrawBuffer(GL_NONE);
    glReadBuffer(GL_NONE);
    const int hw = std::max(1, (width + 1) / 2), hh = std::max(1, (height + 1) / 2);
    occlusionTexture_ = texture(GL_R8, GL_RED, GL_UNSIGNED_BYTE, hw, hh, GL_LINEAR);
    glGenFramebuffers(1, &occlusionFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, occlusionFbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, occlusionTexture_,
                           0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    width_ = width;
    height_ = height;
}

void AmbientOcclusion::apply(const RenderTarget& target, const glm::mat4& projection,
                             GLuint emptyVao) {
    resize(target.width(), target.height());
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glDepthMask(GL_FALSE);
    // The opaque depth (multisamples resolved to the nearest sample's value).
    glBindFramebuffer(GL_READ_FRAMEBUFFER, target.drawFramebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, depthFbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_DEPTH_BUFFER_BIT,
                      GL_NEAREST);

    const int hw = std::max(1, (width_ + 1) / 2), hh = std::max(1, (height_ + 1) / 2);
    glBindFramebuffer(GL_FRAMEBUFFER, occlusionFbo_);
    glViewport(0, 0, hw, hh);
    estimateProgram_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, depthTexture_);
    estimateProgram_.set("uDepth", 0);
    estimateProgram_.set("uProjection", glm::vec4(projection[0][0], projection[1][1],
                                                  projection[2][2], projection[3][2]));
    estimateProgram_.set("uFullSize", glm::vec2(width_, height_));
    estimateProgram_.set("uRadius", kRadiusMm);
    estimateProgram_.set("uIntensity", kIntensity);
    glBindVertexArray(emptyVao);
    glDrawArrays(GL_TRIANGLES, 0, 3);

    target.bindForDrawing();
    glEnable(GL_BLEND);
    glBlendFunc(GL_ZERO, GL_SRC_COLOR);  // picture * occlusion
    applyProgram_.use();
    glBindTexture(GL_TEXTURE_2D, occlusionTexture_);
    applyProgram_.set("uOcclusion", 0);
    applyProgram_.set("uHalfTexel", glm::vec2(1.0f / hw, 1.0f / hh));
    applyProgram_.set("uFullSize", glm::vec2(width_, height_));
    applyProgram_.set("uStrength", kStrength);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);
}

}  // namespace medius::render
