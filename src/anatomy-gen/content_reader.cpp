#include "anatomy-gen/content_reader.hpp"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace medius::anatomy {

namespace {
int lineOf(const toml::node* n, int fallback) {
    if (!n) return fallback;
    const auto line = static_cast<int>(n->source().begin.line);
    return line > 0 ? line : fallback;
}

// 'key' followed by text. Built with append rather than operator+ on literals, which trips a
// false -Wrestrict warning in GCC 12 at -O2.
std::string quoted(std::string_view key, std::string_view text) {
    std::string s;
    s.reserve(key.size() + text.size() + 2);
    s += '\'';
    s.append(key);
    s += '\'';
    s.append(text);
    return s;
}

std::string bracketed(std::string_view text, std::string_view name) {
    std::string s(text);
    s += '[';
    s.append(name);
    s += ']';
    return s;
}

bool readVec3(const toml::node& n, glm::vec3& out) {
    const auto* arr = n.as_array();
    if (!arr || arr->size() != 3) return false;
    for (std::size_t i = 0; i < 3; ++i) {
        const auto v = (*arr)[i].value<double>();
        if (!v) return false;
        out[static_cast<int>(i)] = static_cast<float>(*v);
    }
    return true;
}
}  // namespace

ContentSection::ContentSection(const toml::table* table, std::string file, int line,
                               Variant variant, DiagnosticSink& sink)
    : table_(table),
      file_(std::move(file)),
      line_(line),
      variant_(variant),
      sink_(sink),
      ok_(table != nullptr) {}

void ContentSection::fail(const toml::node* at, std::string message) {
    sink_.error(file_, lineOf(at, line_), std::move(message));
    ok_ = false;
}

bool ContentSection::has(std::string_view key) const {
    return table_ && table_->get(key) != nullptr;
}

bool ContentSection::perSex(std::string_view key) const {
    const toml::node* n = table_ ? table_->get(key) : nullptr;
    return n && n->as_table() != nullptr;
}

const toml::node* ContentSection::lookup(std::string_view key, bool& explicitSex) {
    explicitSex = false;
    if (!table_) {
        ok_ = false;  // the missing table was reported once already
        return nullptr;
    }
    const toml::node* n = table_->get(key);
    if (!n) {
        std::string message = "missing key ";
        message += quoted(key, "");
        fail(nullptr, std::move(message));
        return nullptr;
    }
    if (const auto* t = n->as_table()) {
        const char* which = variant_.sex == Sex::Male ? "male" : "female";
        const toml::node* v = t->get(which);
        if (!v) {
            std::string message = quoted(key, " has no '");
            message += which;
            message += "' value";
            fail(n, std::move(message));
            return nullptr;
        }
        explicitSex = true;
        return v;
    }
    return n;
}

float ContentSection::number(std::string_view key) {
    bool explicitSex;
    const toml::node* n = lookup(key, explicitSex);
    if (!n) return 0.0f;
    const auto v = n->value<double>();
    if (!v) {
        fail(n, quoted(key, " must be a number"));
        return 0.0f;
    }
    return static_cast<float>(*v);
}

bool ContentSection::flag(std::string_view key) {
    bool explicitSex;
    const toml::node* n = lookup(key, explicitSex);
    if (!n) return false;
    const auto v = n->value<bool>();
    if (!v) {
        fail(n, quoted(key, " must be true or false"));
        return false;
    }
    return *v;
}

glm::vec3 ContentSection::vector(std::string_view key) {
    bool explicitSex;
    const toml::node* n = lookup(key, explicitSex);
    glm::vec3 out(0.0f);
    if (n && !readVec3(*n, out)) fail(n, quoted(key, " must be [x, y, z] in mm"));
    return out;
}

glm::vec3 ContentSection::point(std::string_view key) {
    bool explicitSex;
    const toml::node* n = lookup(key, explicitSex);
    glm::vec3 out(0.0f);
    if (!n) return out;
    if (!readVec3(*n, out)) {
        fail(n, quoted(key, " must be [x, y, z] in mm"));
        return out;
    }
    return explicitSex ? out : out * variant_.pointScale();
}

std::vector<glm::vec3> ContentSection::points(std::string_view key) {
    bool explicitSex;
    const toml::node* n = lookup(key, explicitSex);
    std::vector<glm::vec3> out;
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr || arr->empty()) {
        fail(n, quoted(key, " must be a list of [x, y, z] points"));
        return out;
    }
    for (const auto& item : *arr) {
        glm::vec3 p;
        if (!readVec3(item, p)) {
            fail(&item, quoted(key, " has an entry that is not [x, y, z]"));
            return {};
        }
        out.push_back(explicitSex ? p : p * variant_.pointScale());
    }
    return out;
}

std::vector<float> ContentSection::numbers(std::string_view key) {
    bool explicitSex;
    const toml::node* n = lookup(key, explicitSex);
    std::vector<float> out;
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr || arr->empty()) {
        fail(n, quoted(key, " must be a list of numbers"));
        return out;
    }
    for (const auto& item : *arr) {
        const auto v = item.value<double>();
        if (!v) {
            fail(&item, quoted(key, " has an entry that is not a number"));
            return {};
        }
        out.push_back(static_cast<float>(*v));
    }
    return out;
}

ContentFile::ContentFile() = default;
ContentFile::~ContentFile() = default;
ContentFile::ContentFile(ContentFile&&) noexcept = default;
ContentFile& ContentFile::operator=(ContentFile&&) noexcept = default;

bool ContentFile::load(const std::string& path, DiagnosticSink& sink) {
    path_ = path;
    table_.reset();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        sink.error(path, 0, "cannot open anatomy content file");
        return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    try {
        table_ = std::make_unique<toml::table>(toml::parse(text.str(), path));
    } catch (const toml::parse_error& e) {
        sink.error(path, static_cast<int>(e.source().begin.line), std::string(e.description()));
        return false;
    }
    return true;
}

ContentSection ContentFile::section(std::string_view name, const Variant& variant,
                                    DiagnosticSink& sink) const {
    const toml::table* t = nullptr;
    int line = 1;
    if (table_) {
        if (const toml::node* n = table_->get(name)) {
            t = n->as_table();
            line = lineOf(n, 1);
            if (!t) sink.error(path_, line, quoted(name, " must be a table"));
        } else {
            sink.error(path_, 1, bracketed("missing table ", name));
        }
    }
    return ContentSection(t, path_, line, variant, sink);
}

}  // namespace medius::anatomy
