#include "core/settings.hpp"

#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/image.hpp"
#include "core/toml_reader.hpp"
#include "core/xdg.hpp"

namespace medius {

namespace fs = std::filesystem;

std::string defaultSettingsPath() { return xdgPath(XdgFolder::Config, "settings.toml"); }

std::string serializeSettings(const Settings& s) {
    std::ostringstream out;
    out << "# Medius settings. Written by Medius; safe to edit. Unknown keys are reported.\n\n";
    out << "[view]\n";
    for (const auto& spec : viewOptionTable()) {
        const std::string value = getViewOption(s.view, spec);
        const bool quoted = std::holds_alternative<std::string ViewOptions::*>(spec.field);
        out << spec.name << " = " << (quoted ? "\"" + value + "\"" : value) << "    # " << spec.help << "\n";
    }
    out << "\n[session]\n";
    out << "last_condition = \"" << s.lastCondition << "\"\n";
    out << "audience = \"" << s.audience << "\"\n";
    return out.str();
}

Settings loadSettings(const std::string& path, DiagnosticSink& sink) {
    Settings settings;
    std::error_code ec;
    if (!fs::exists(path, ec)) return settings;
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    toml::table table;
    try {
        table = toml::parse(text.str(), path);
    } catch (const toml::parse_error& e) {
        const std::string aside = path + ".corrupt-" + std::to_string(std::time(nullptr));
        fs::rename(path, aside, ec);
        sink.warning(path, static_cast<int>(e.source().begin.line),
                     "settings file is not valid TOML (" + std::string(e.description()) +
                         "); " + (ec ? "could not move it aside: " + ec.message() : "moved to " + aside) +
                         "; using defaults");
        return settings;
    }
    TomlReader top(table, path, sink, 1);
    top.warnUnknownKeys({"view", "session"});
    if (const toml::table* view = table["view"].as_table()) {
        for (const auto& [key, node] : *view) {
            const int line = static_cast<int>(node.source().begin.line);
            const std::string name(key.str());
            if (!findViewOption(name)) {
                sink.warning(path, line, "unknown view option '" + name + "' is ignored");
                continue;
            }
            std::string value;
            if (node.is_string()) value = node.as_string()->get();
            else if (node.is_boolean()) value = node.as_boolean()->get() ? "true" : "false";
            else if (node.is_integer()) value = std::to_string(node.as_integer()->get());
            else if (node.is_floating_point()) {
                std::ostringstream v;
                v << node.as_floating_point()->get();
                value = v.str();
            }
            std::string error;
            if (!setViewOption(settings.view, name, value, error))
                sink.warning(path, line, name + ": " + error + "; keeping the default");
        }
    }
    if (const toml::table* session = table["session"].as_table()) {
        TomlReader r(*session, path, sink, top.lineOf("session"));
        settings.lastCondition = r.text("last_condition", false);
        const std::string audience = r.text("audience", false);
        if (audience == "patient" || audience == "clinician") settings.audience = audience;
        else if (!audience.empty())
            sink.warning(path, r.lineOf("audience"), "audience '" + audience + "' is not clinician or patient");
        r.warnUnknownKeys({"last_condition", "audience"});
    }
    return settings;
}

std::string saveSettings(const std::string& path, const Settings& settings) {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    if (ec) return "cannot create " + fs::path(path).parent_path().string() + ": " + ec.message();
    return writeFileAtomically(path, serializeSettings(settings));
}

}  // namespace medius
