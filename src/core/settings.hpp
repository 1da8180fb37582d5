#pragma once
// The user's settings: every view option (from the declarative table) plus the
// session (last condition, wording). One TOML file in the XDG config folder,
// written atomically. A file that does not parse is moved aside and reported,
// never silently dropped; a bad value is reported with its line and skipped.
#include <string>

#include "core/diagnostics.hpp"
#include "core/view_options.hpp"

namespace medius {

struct Settings {
    ViewOptions view;
    std::string lastCondition;
    std::string audience = "clinician";
};

// $XDG_CONFIG_HOME/medius/settings.toml, or ~/.config/medius/settings.toml.
std::string defaultSettingsPath();

std::string serializeSettings(const Settings& settings);
// Missing file: defaults, no message. Unparsable file: renamed to <path>.corrupt-<time>,
// reported, defaults returned.
Settings loadSettings(const std::string& path, DiagnosticSink& sink);
// Empty string on success.
std::string saveSettings(const std::string& path, const Settings& settings);

}  // namespace medius
