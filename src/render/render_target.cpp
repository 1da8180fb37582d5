#include "render/render_target.hpp"

#include <algorithm>
#include <string>

namespace medius::render {

RenderTarget::~RenderTarget() { release(); }

void RenderTarget::release() {
    if (msaaFbo_) glDeleteFramebuffers(1, &msaaFbo_);
    if (msaaColour_) glDeleteRenderbuffers(1, &msaaColour_);
    if (msaaDepth_) glDeleteRenderbuffers(1, &msaaDepth_);
    if (resolveFbo_) glDeleteFramebuffers(1, &resolveFbo_);
    if (resolveColour_) glDeleteTextures(1, &resolveColour_);
    if (resolveDepth_) glDeleteRenderbuffers(1, &resolveDepth_);
    if (weightedFbo_) glDeleteFramebuffers(1, &weightedFbo_);
    if (weightedSums_) glDeleteTextures(1, &weightedSums_);
    if (weightedLogClear_) glDeleteTextures(1, &weightedLogClear_);
    msaaFbo_ = msaaColour_ = msaaDepth_ = resolveFbo_ = resolveColour_ = resolveDepth_ = 0;
    weightedFbo_ = weightedSums_ = weightedLogClear_ = 0;
    width_ = height_ = samples_ = 0;
}

bool RenderTarget::resize(int width, int height, int samples, std::string& error) {
    GLint maxSamples = 1, maxSize = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    samples = std::clamp(samples, 1, std::max(1, static_cast<int>(maxSamples)));
    if (width == width_ && height == height_ && samples == samples_) return true;
    if (width < 1 || height < 1 || width > maxSize || height > maxSize) {
        error = "image size " + std::to_string(width) + "x" + std::to_string(height) +
                " is outside what this OpenGL driver supports (1 to " + std::to_string(maxSize) +
                " per side)";
        return false;
    }
    release();

    glGenFramebuffers(1, &resolveFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo_);
    glGenTextures(1, &resolveColour_);
    glBindTexture(GL_TEXTURE_2D, resolveColour_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolveColour_, 0);
    glGenRenderbuffers(1, &resolveDepth_);
    glBindRenderbuffer(GL_RENDERBUFFER, resolveDepth_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
                              resolveDepth_);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        error = "the offscreen framebuffer is incomplete";
        release();
        return false;
    }

    if (samples > 1) {
        glGenFramebuffers(1, &msaaFbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, msaaFbo_);
        glGenRenderbuffers(1, &msaaColour_);
        glBindRenderbuffer(GL_RENDERBUFFER, msaaColour_);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                                  msaaColour_);
        glGenRenderbuffers(1, &msaaDepth_);
        glBindRenderbuffer(GL_RENDERBUFFER, msaaDepth_);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, width,
                                         height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
                                  msaaDepth_);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            error = "the multisampled framebuffer is incomplete";
            release();
            return false;
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    width_ = width;
    height_ = height;
    samples_ = samples;
    return true;
}

void RenderTarget::bindForDrawing() const {
    glBindFramebuffer(GL_FRAMEBUFFER, msaaFbo_ ? msaaFbo_ : resolveFbo_);
    glViewport(0, 0, width_, height_);
}

void RenderTarget::bindResolvedForDrawing() const {
    glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo_);
    glViewport(0, 0, width_, height_);
}

void RenderTarget::resolve() const {
    if (!msaaFbo_) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msaaFbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo_);
    // Depth is resolved too: zoom-to-cursor and later picking read it.
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_,
                      GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::blitTo(GLuint framebuffer, int x, int y, int width, int height) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
    glBlitFramebuffer(0, 0, width_, height_, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT,
                      width == width_ && height == height_ ? GL_NEAREST : GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

bool RenderTarget::bindWeightedForDrawing(std::string& error) {
    if (!weightedFbo_) {
        const GLenum kind = samples_ > 1 ? GL_TEXTURE_2D_MULTISAMPLE : GL_TEXTURE_2D;
        const auto makeTexture = [&](GLenum format, GLenum channels) {
            GLuint texture = 0;
            glGenTextures(1, &texture);
            glBindTexture(kind, texture);
            if (samples_ > 1) {
                glTexImage2DMultisample(kind, samples_, format, width_, height_, GL_TRUE);
            } else {
                glTexImage2D(kind, 0, format, width_, height_, 0, channels, GL_FLOAT, nullptr);
                glTexParameteri(kind, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
                glTexParameteri(kind, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
            }
            glBindTexture(kind, 0);
            return texture;
        };
        weightedSums_ = makeTexture(GL_RGBA16F, GL_RGBA);
        weightedLogClear_ = makeTexture(GL_R16F, GL_RED);
        glGenFramebuffers(1, &weightedFbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, weightedFbo_);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, kind, weightedSums_, 0);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, kind, weightedLogClear_, 0);
        // The scene's own depth: translucent surfaces behind opaque ones are left out.
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
                                  msaaFbo_ ? msaaDepth_ : resolveDepth_);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            error = "the framebuffer for weighted transparency is incomplete";
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            glDeleteFramebuffers(1, &weightedFbo_);
            weightedFbo_ = 0;
            return false;
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, weightedFbo_);
    const GLenum buffers[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glDrawBuffers(2, buffers);
    glViewport(0, 0, width_, height_);
    const GLfloat zero[] = {0.0f, 0.0f, 0.0f, 0.0f};
    glClearBufferfv(GL_COLOR, 0, zero);
    glClearBufferfv(GL_COLOR, 1, zero);
    return true;
}

void RenderTarget::bindWeightedSums() const {
    // Units 0 and 1 for plain textures, 2 and 3 for multisampled ones: samplers of two
    // types may not share a unit in one program.
    const bool ms = samples_ > 1;
    const GLenum kind = ms ? GL_TEXTURE_2D_MULTISAMPLE : GL_TEXTURE_2D;
    glActiveTexture(ms ? GL_TEXTURE2 : GL_TEXTURE0);
    glBindTexture(kind, weightedSums_);
    glActiveTexture(ms ? GL_TEXTURE3 : GL_TEXTURE1);
    glBindTexture(kind, weightedLogClear_);
    glActiveTexture(GL_TEXTURE0);
}

Image RenderTarget::readPixels() const {
    Image image;
    image.width = width_;
    image.height = height_;
    image.rgba.resize(static_cast<std::size_t>(width_) * height_ * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    flipRows(image);
    return image;
}

}  // namespace medius::render
