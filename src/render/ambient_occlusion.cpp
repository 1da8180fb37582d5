#include "render/ambient_occlusion.hpp"

#include <algorithm>
#include <cmath>

namespace medius::render {

namespace {
// A radius about a tendon's width: creases between muscles and at insertions darken, a
// whole muscle belly does not shade its neighbour.
constexpr float kRadiusMm = 9.0f;
constexpr float kIntensity = 1.0f;
constexpr float kStrength = 0.75f;
// Pixels of background kept around the covered rectangle: the estimate's reads clamp to the
// rectangle, so those past its edge find background, as they would in the whole picture.
constexpr int kMarginPixels = 4;
}  // namespace

PixelRectangle screenRectangle(const Bounds& box, const glm::mat4& viewProjection, int width,
                               int height) {
    if (!box.valid()) return {};
    glm::vec2 lo(1e30f), hi(-1e30f);
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 p((corner & 1) ? box.max.x : box.min.x,
                          (corner & 2) ? box.max.y : box.min.y,
                          (corner & 4) ? box.max.z : box.min.z);
        const glm::vec4 clip = viewProjection * glm::vec4(p, 1.0f);
        if (clip.w <= 1e-3f) return {0, 0, width, height};  // behind the eye: no bound from it
        const glm::vec2 pixel = (glm::vec2(clip) / clip.w * 0.5f + 0.5f) * glm::vec2(width, height);
        lo = glm::min(lo, pixel);
        hi = glm::max(hi, pixel);
    }
    const int x0 = std::clamp(static_cast<int>(std::floor(lo.x)) - kMarginPixels, 0, width);
    const int y0 = std::clamp(static_cast<int>(std::floor(lo.y)) - kMarginPixels, 0, height);
    const int x1 = std::clamp(static_cast<int>(std::ceil(hi.x)) + kMarginPixels, 0, width);
    const int y1 = std::clamp(static_cast<int>(std::ceil(hi.y)) + kMarginPixels, 0, height);
    return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

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
                             GLuint emptyVao, const PixelRectangle& area) {
    if (area.width <= 0 || area.height <= 0) return;  // nothing opaque on screen
    resize(target.width(), target.height());
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glDepthMask(GL_FALSE);
    // The opaque depth (multisamples resolved to the nearest sample's value).
    glBindFramebuffer(GL_READ_FRAMEBUFFER, target.drawFramebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, depthFbo_);
    const int x1 = area.x + area.width, y1 = area.y + area.height;
    glBlitFramebuffer(area.x, area.y, x1, y1, area.x, area.y, x1, y1, GL_DEPTH_BUFFER_BIT,
                      GL_NEAREST);

    const int hw = std::max(1, (width_ + 1) / 2), hh = std::max(1, (height_ + 1) / 2);
    glBindFramebuffer(GL_FRAMEBUFFER, occlusionFbo_);
    glViewport(0, 0, hw, hh);
    // The half-resolution pixels the apply pass's taps reach (one more each way).
    glEnable(GL_SCISSOR_TEST);
    const int hx0 = std::max(0, area.x / 2 - 1), hy0 = std::max(0, area.y / 2 - 1);
    const int hx1 = std::min(hw, (x1 + 1) / 2 + 1), hy1 = std::min(hh, (y1 + 1) / 2 + 1);
    glScissor(hx0, hy0, hx1 - hx0, hy1 - hy0);
    estimateProgram_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, depthTexture_);
    estimateProgram_.set("uDepth", 0);
    estimateProgram_.set("uProjection", glm::vec4(projection[0][0], projection[1][1],
                                                  projection[2][2], projection[3][2]));
    estimateProgram_.set("uFullSize", glm::vec2(width_, height_));
    // Only the area's depth was copied: reads stay inside it.
    estimateProgram_.set("uArea", glm::vec4(area.x, area.y, x1 - 1, y1 - 1));
    estimateProgram_.set("uRadius", kRadiusMm);
    estimateProgram_.set("uIntensity", kIntensity);
    glBindVertexArray(emptyVao);
    glDrawArrays(GL_TRIANGLES, 0, 3);

    target.bindForDrawing();
    glScissor(area.x, area.y, area.width, area.height);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ZERO, GL_SRC_COLOR);  // picture * occlusion
    applyProgram_.use();
    glBindTexture(GL_TEXTURE_2D, occlusionTexture_);
    applyProgram_.set("uOcclusion", 0);
    applyProgram_.set("uHalfTexel", glm::vec2(1.0f / hw, 1.0f / hh));
    applyProgram_.set("uFullSize", glm::vec2(width_, height_));
    applyProgram_.set("uStrength", kStrength);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);
}

}  // namespace medius::render
