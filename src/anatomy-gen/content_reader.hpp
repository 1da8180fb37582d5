#pragma once
// Typed, sex-aware access to one content/anatomy TOML file. Every value may be given once, or as
// an inline table { female = ..., male = ... }. Points given once are the female values; the
// male variant scales them by the model's male point scale. Anything missing or malformed is
// reported to the sink with file and line, and the section remembers it so the generator can
// skip that structure instead of building nonsense.
#include <glm/glm.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "anatomy-gen/hip_model.hpp"
#include "core/diagnostics.hpp"

namespace toml {
inline namespace v3 {
class table;
class node;
}  // namespace v3
}  // namespace toml

namespace medius::anatomy {

struct Variant {
    Sex sex = Sex::Female;
    glm::vec3 malePointScale{1.0f};
    glm::vec3 pointScale() const { return sex == Sex::Male ? malePointScale : glm::vec3(1.0f); }
};

class ContentSection {
  public:
    ContentSection(const toml::table* table, std::string file, int line, Variant variant,
                   DiagnosticSink& sink);

    float number(std::string_view key);
    // A true/false value.
    bool flag(std::string_view key);
    // Points are scaled for the male variant unless given explicitly.
    glm::vec3 point(std::string_view key);
    // A direction or other vector that is never scaled.
    glm::vec3 vector(std::string_view key);
    std::vector<glm::vec3> points(std::string_view key);
    std::vector<float> numbers(std::string_view key);
    bool has(std::string_view key) const;
    // True when the key is written as { female = ..., male = ... } (not derived from the female).
    bool perSex(std::string_view key) const;
    const Variant& variant() const { return variant_; }
    // Reports a problem with the section as a whole (e.g. lists of different lengths).
    void error(std::string message) { fail(nullptr, std::move(message)); }

    // False once anything asked for was missing or malformed (already reported).
    bool ok() const { return ok_; }

  private:
    // The node for key, resolved to the female/male variant; nullptr (reported) if missing.
    const toml::node* lookup(std::string_view key, bool& explicitSex);
    void fail(const toml::node* at, std::string message);

    const toml::table* table_;
    std::string file_;
    int line_;
    Variant variant_;
    DiagnosticSink& sink_;
    bool ok_ = true;
};

class ContentFile {
  public:
    ContentFile();
    ~ContentFile();
    ContentFile(ContentFile&&) noexcept;
    ContentFile& operator=(ContentFile&&) noexcept;

    // Reads and parses; problems (missing file, syntax error) go to the sink. False on failure.
    bool load(const std::string& path, DiagnosticSink& sink);
    bool loaded() const { return table_ != nullptr; }
    const std::string& path() const { return path_; }

    // The [name] table. A missing table is reported (file, line 1) and yields a section whose
    // every lookup fails quietly.
    ContentSection section(std::string_view name, const Variant& variant,
                           DiagnosticSink& sink) const;

  private:
    std::string path_;
    std::unique_ptr<toml::table> table_;
};

}  // namespace medius::anatomy
