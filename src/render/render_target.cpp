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
    msaaFbo_ = msaaColour_ = msaaDepth_ = resolveFbo_ = resolveColour_ = resolveDepth_ = 0;
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

void RenderTarget::blitTo(GLuint framebuffer, int width, int height) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width, height, GL_COLOR_BUFFER_BIT,
                      width == width_ && height == height_ ? GL_NEAREST : GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
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
