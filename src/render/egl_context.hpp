#pragma once
// An OpenGL 3.3 core context with no window and no display server: EGL on
// Mesa's surfaceless platform (llvmpipe on machines without a GPU). Used by
// headless capture and by the render tests.
#include <memory>
#include <string>

namespace medius::render {

class HeadlessContext {
public:
    // Returns null and sets `error` to one clear sentence when no context
    // can be made (no EGL, no OpenGL 3.3 core, ...).
    static std::unique_ptr<HeadlessContext> create(bool debug, std::string& error);
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    std::string rendererName() const;  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

private:
    HeadlessContext() = default;
    void* display_ = nullptr;
    void* context_ = nullptr;
};

}  // namespace medius::render
