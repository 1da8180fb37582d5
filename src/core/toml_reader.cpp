#include "core/toml_reader.hpp"

#include <algorithm>
#include <cmath>

#include "core/image.hpp"

namespace medius {

std::optional<toml::table> parseTomlFile(const std::string& path, DiagnosticSink& sink) {
    const auto text = readFile(path);
    if (!text) {
        sink.error(path, 0, "cannot read the file");
        return std::nullopt;
    }
    return parseTomlText(*text, path, sink);
}

std::optional<toml::table> parseTomlText(const std::string& text, const std::string& path,
                                         DiagnosticSink& sink, const std::string& what) {
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        sink.error(path, static_cast<int>(e.source().begin.line),
                   what + ": " + std::string(e.description()));
        return std::nullopt;
    }
}

TomlReader::TomlReader(const toml::table& table, std::string file, DiagnosticSink& sink, int where)
    : table_(table), file_(std::move(file)), sink_(sink), where_(where) {
    if (where_ == 0) where_ = static_cast<int>(table.source().begin.line);
}

int TomlReader::lineOf(const char* key) const {
    if (const toml::node* n = table_.get(key)) {
        const int line = static_cast<int>(n->source().begin.line);
        if (line > 0) return line;
    }
    return where_;
}

void TomlReader::error(int line, const std::string& message) {
    sink_.error(file_, line, message);
    failed_ = true;
}

std::string TomlReader::text(const char* key, bool required) {
    const toml::node* n = table_.get(key);
    if (!n) {
        if (required) error(where_, std::string("missing '") + key + "'");
        return {};
    }
    if (!n->is_string()) {
        error(lineOf(key), std::string("'") + key + "' must be text in quotes");
        return {};
    }
    std::string value = n->as_string()->get();
    if (required && value.find_first_not_of(" \t\n") == std::string::npos)
        error(lineOf(key), std::string("'") + key + "' is empty");
    return value;
}

std::optional<double> TomlReader::number(const char* key, bool required, double min, double max) {
    const toml::node* n = table_.get(key);
    if (!n) {
        if (required) error(where_, std::string("missing '") + key + "'");
        return std::nullopt;
    }
    double value = 0.0;
    if (n->is_integer())
        value = static_cast<double>(n->as_integer()->get());
    else if (n->is_floating_point())
        value = n->as_floating_point()->get();
    else {
        error(lineOf(key), std::string("'") + key + "' must be a number");
        return std::nullopt;
    }
    if (!std::isfinite(value) || value < min || value > max) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "'%s' is %g; it must be from %g to %g", key, value, min,
                      max);
        error(lineOf(key), buf);
        return std::nullopt;
    }
    return value;
}

std::vector<std::string> TomlReader::textList(const char* key, bool required) {
    std::vector<std::string> out;
    const toml::node* n = table_.get(key);
    if (!n) {
        if (required) error(where_, std::string("missing '") + key + "'");
        return out;
    }
    const toml::array* array = n->as_array();
    if (!array) {
        error(lineOf(key),
              std::string("'") + key + "' must be a list of texts, like [\"a\", \"b\"]");
        return out;
    }
    for (const toml::node& item : *array) {
        if (!item.is_string()) {
            error(static_cast<int>(item.source().begin.line),
                  std::string("'") + key + "' must hold only texts in quotes");
            continue;
        }
        out.push_back(item.as_string()->get());
    }
    if (required && out.empty()) error(lineOf(key), std::string("'") + key + "' is empty");
    return out;
}

std::optional<glm::vec3> TomlReader::vec3(const char* key, bool required, const char* what,
                                          double limit) {
    const toml::node* n = table_.get(key);
    if (!n) {
        if (required) error(where_, std::string("missing '") + key + "'");
        return std::nullopt;
    }
    const toml::array* a = n->as_array();
    glm::vec3 out{0.0f};
    bool good = a && a->size() == 3;
    for (std::size_t k = 0; good && k < 3; ++k) {
        const auto value = (*a)[k].value<double>();
        good = (*a)[k].is_number() && value && std::isfinite(*value) && std::fabs(*value) <= limit;
        if (good) out[static_cast<int>(k)] = static_cast<float>(*value);
    }
    if (!good) {
        char range[48];
        std::snprintf(range, sizeof range, " from %g to %g", -limit, limit);
        error(lineOf(key),
              std::string("'") + key + "' must be three numbers [x, y, z] " + what + range);
        return std::nullopt;
    }
    return out;
}

std::vector<std::pair<const toml::table*, int>> TomlReader::tables(const char* key, bool required) {
    std::vector<std::pair<const toml::table*, int>> out;
    const toml::node* n = table_.get(key);
    if (!n) {
        if (required) error(where_, std::string("missing '[[") + key + "]]' entries");
        return out;
    }
    const toml::array* array = n->as_array();
    if (!array) {
        error(lineOf(key), std::string("'") + key + "' must be a list of tables ([[" + key + "]])");
        return out;
    }
    for (const toml::node& item : *array) {
        const int line = static_cast<int>(item.source().begin.line);
        if (const toml::table* t = item.as_table())
            out.emplace_back(t, line > 0 ? line : lineOf(key));
        else
            error(line > 0 ? line : lineOf(key),
                  std::string("each '") + key + "' entry must be a table");
    }
    if (required && out.empty()) error(lineOf(key), std::string("'") + key + "' is empty");
    return out;
}

const toml::table* TomlReader::subtable(const char* key, bool required) {
    const toml::node* n = table_.get(key);
    if (!n) {
        if (required) error(where_, std::string("missing '[") + key + "]'");
        return nullptr;
    }
    if (!n->is_table()) {
        error(lineOf(key), std::string("'") + key + "' must be a table ([" + key + "])");
        return nullptr;
    }
    return n->as_table();
}

void TomlReader::warnUnknownKeys(const std::vector<std::string>& known) {
    for (const auto& [k, node] : table_) {
        const std::string key(k.str());
        if (std::find(known.begin(), known.end(), key) == known.end())
            sink_.warning(file_, static_cast<int>(node.source().begin.line),
                          "unknown key '" + key + "' is ignored");
    }
}

}  // namespace medius
