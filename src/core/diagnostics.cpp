#include "core/diagnostics.hpp"

#include <algorithm>

namespace medius {

const char* levelName(Level level) {
    switch (level) {
        case Level::Info: return "note";
        case Level::Warning: return "warning";
        case Level::Error: return "error";
    }
    return "error";
}

std::string Diagnostic::format() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) out += ":" + std::to_string(line);
        out += ": ";
    }
    out += levelName(level);
    out += ": ";
    out += message;
    return out;
}

void DiagnosticSink::report(Diagnostic d) {
    diagnostics_.push_back(std::move(d));
    if (listener_) listener_(diagnostics_.back());
}

void DiagnosticSink::info(std::string file, int line, std::string message) {
    report({Level::Info, std::move(file), line, std::move(message)});
}
void DiagnosticSink::warning(std::string file, int line, std::string message) {
    report({Level::Warning, std::move(file), line, std::move(message)});
}
void DiagnosticSink::error(std::string file, int line, std::string message) {
    report({Level::Error, std::move(file), line, std::move(message)});
}

int DiagnosticSink::count(Level level) const {
    return static_cast<int>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
                                          [level](const Diagnostic& d) { return d.level == level; }));
}

}  // namespace medius
