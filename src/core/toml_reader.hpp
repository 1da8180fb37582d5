#pragma once
// Small helpers over toml++ that read a field and, when it is missing or of
// the wrong kind, report it to the sink with the file and line it came from.
#include <glm/glm.hpp>
#include <optional>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "core/diagnostics.hpp"

namespace medius {

// Parses a TOML file. Reports unreadable files and syntax errors (with line)
// and returns nullopt for them.
std::optional<toml::table> parseTomlFile(const std::string& path, DiagnosticSink& sink);
// Parses TOML text that came from `path`; a syntax error is reported on its line as
// "<what>: <description>" and gives nullopt.
std::optional<toml::table> parseTomlText(const std::string& text, const std::string& path, DiagnosticSink& sink,
                                         const std::string& what = "TOML syntax error");

class TomlReader {
public:
    // `where` is the line of the table itself, used when a field is missing.
    TomlReader(const toml::table& table, std::string file, DiagnosticSink& sink, int where = 0);

    int lineOf(const char* key) const;  // the field's line, or the table's
    int line() const { return where_; }
    bool has(const char* key) const { return table_.contains(key); }

    std::string text(const char* key, bool required);
    std::optional<double> number(const char* key, bool required, double min, double max);
    std::vector<std::string> textList(const char* key, bool required);
    // Three numbers [x, y, z], each within +-limit; `what` says their unit in the message
    // (e.g. "in mm").
    std::optional<glm::vec3> vec3(const char* key, bool required, const char* what, double limit = 1e6);
    // The array of tables under `key` (e.g. [[structures]]); reports a wrong kind.
    std::vector<std::pair<const toml::table*, int>> tables(const char* key, bool required);
    const toml::table* subtable(const char* key, bool required);

    // Warns about keys not in `known`: typos would otherwise be silently ignored.
    void warnUnknownKeys(const std::vector<std::string>& known);

    void error(int line, const std::string& message);
    bool failed() const { return failed_; }

private:
    const toml::table& table_;
    std::string file_;
    DiagnosticSink& sink_;
    int where_;
    bool failed_ = false;
};

}  // namespace medius
