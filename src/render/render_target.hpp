#pragma once
// Where the 3D scene is drawn: a multisampled framebuffer resolved into a
// single-sample texture. The window shows the texture under the UI, so a UI
// change (hover, typing) never forces a 3D redraw; headless capture reads it.
#include <string>

#include "core/image.hpp"
#include "render/gl.hpp"

namespace medius::render {

class RenderTarget {
public:
    RenderTarget() = default;
    ~RenderTarget();
    RenderTarget(const RenderTarget&) = delete;
    RenderTarget& operator=(const RenderTarget&) = delete;

    // (Re)allocates when size or sample count change. Samples are clamped to
    // what the driver offers. Returns false with `error` set on failure.
    bool resize(int width, int height, int samples, std::string& error);
    void bindForDrawing() const;
    // The framebuffer bindForDrawing binds: the multisampled one, or the resolved one.
    GLuint drawFramebuffer() const { return msaaFbo_ ? msaaFbo_ : resolveFbo_; }
    // Resolves multisamples into the texture; a no-op at one sample.
    void resolve() const;
    // Copies the resolved image to a framebuffer (the window), filling width x height.
    void blitTo(GLuint framebuffer, int width, int height) const { blitTo(framebuffer, 0, 0, width, height); }
    // The same into the rectangle at (x, y) (pixels, y up): one view of the window's layout.
    void blitTo(GLuint framebuffer, int x, int y, int width, int height) const;
    // The resolved framebuffer, e.g. as the destination of another target's blitTo.
    GLuint resolvedFramebuffer() const { return resolveFbo_; }
    Image readPixels() const;

    int width() const { return width_; }
    int height() const { return height_; }
    int samples() const { return samples_; }
    // The resolved colour texture (0 before the first resize), e.g. for ImGui::Image.
    unsigned colourTexture() const { return resolveColour_; }
    // Binds the resolved single-sample framebuffer, e.g. to draw the UI over the scene.
    void bindResolvedForDrawing() const;

    // Weighted blended transparency: two float targets (the weighted colour sums and the
    // sum of -log(1 - alpha)) sharing this target's depth, made on first use. Binding clears
    // them; bindWeightedSums puts them on texture units 0 and 1 (2 and 3 when multisampled).
    bool bindWeightedForDrawing(std::string& error);
    void bindWeightedSums() const;

private:
    void release();
    int width_ = 0, height_ = 0, samples_ = 0;
    GLuint msaaFbo_ = 0, msaaColour_ = 0, msaaDepth_ = 0;
    GLuint resolveFbo_ = 0, resolveColour_ = 0, resolveDepth_ = 0;
    GLuint weightedFbo_ = 0, weightedSums_ = 0, weightedLogClear_ = 0;
};

}  // namespace medius::render
