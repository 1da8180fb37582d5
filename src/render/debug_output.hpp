#pragma once
// GL error reporting through KHR_debug. In debug builds and in every render
// test a callback records each error the driver reports; tests fail on any.
#include <string>
#include <vector>

namespace medius::render {

struct GlMessageLog {
    std::vector<std::string> errors;  // high-severity and error-type messages
    int otherMessages = 0;
};

// Installs the callback when KHR_debug is present (returns false otherwise).
// `printToStderr` echoes each error as it happens.
bool installDebugOutput(GlMessageLog& log, bool printToStderr);
// Drains glGetError(); returns a description of each pending error.
std::vector<std::string> pendingGlErrors();

}  // namespace medius::render
