#pragma once
// Errors have levels. Everything that reads user input (model files, content,
// settings, command line) reports through a DiagnosticSink instead of throwing,
// so the app can go on with what loaded. Tests install a sink that turns
// warnings and errors into failures.
#include <functional>
#include <string>
#include <vector>

namespace medius {

enum class Level { Info, Warning, Error };

struct Diagnostic {
    Level level = Level::Error;
    std::string file;  // empty when not tied to a file
    int line = 0;      // 1-based; 0 when unknown
    std::string message;

    // "file:line: error: message" — the form compilers use, so editors can jump to it.
    std::string format() const;
};

const char* levelName(Level level);

class DiagnosticSink {
public:
    using Listener = std::function<void(const Diagnostic&)>;

    void report(Diagnostic d);
    void info(std::string file, int line, std::string message);
    void warning(std::string file, int line, std::string message);
    void error(std::string file, int line, std::string message);

    const std::vector<Diagnostic>& all() const { return diagnostics_; }
    int count(Level level) const;
    bool hasErrors() const { return count(Level::Error) > 0; }
    void clear() { diagnostics_.clear(); }

    // Called for every diagnostic as it arrives (e.g. to print it to stderr).
    void setListener(Listener listener) { listener_ = std::move(listener); }

private:
    std::vector<Diagnostic> diagnostics_;
    Listener listener_;
};

}  // namespace medius
