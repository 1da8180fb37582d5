#include "render/debug_output.hpp"

#include <cstdio>

#include "render/gl.hpp"

namespace medius::render {

namespace {
struct CallbackState {
    GlMessageLog* log;
    bool print;
};
CallbackState gState{nullptr, false};

void GLAD_API_PTR onMessage(GLenum source, GLenum type, GLuint id, GLenum severity,
                            GLsizei length, const GLchar* message, const void* user) {
    auto* state = static_cast<const CallbackState*>(user);
    if (!state || !state->log) return;
    const bool isError = type == GL_DEBUG_TYPE_ERROR || severity == GL_DEBUG_SEVERITY_HIGH;
    if (!isError) {
        ++state->log->otherMessages;
        return;
    }
    state->log->errors.emplace_back(message, length > 0 ? static_cast<std::size_t>(length)
                                                        : std::char_traits<char>::length(message));
    if (state->print) std::fprintf(stderr, "medius: OpenGL error: %s\n", message);
}
}  // namespace

bool installDebugOutput(GlMessageLog& log, bool printToStderr) {
    if (!GLAD_GL_KHR_debug) return false;
    gState = CallbackState{&log, printToStderr};
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(onMessage, &gState);
    return true;
}

std::vector<std::string> pendingGlErrors() {
    std::vector<std::string> out;
    for (GLenum e = glGetError(); e != GL_NO_ERROR && out.size() < 16; e = glGetError()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "glGetError 0x%04x", e);
        out.emplace_back(buf);
    }
    return out;
}

}  // namespace medius::render
