#pragma once
// Loads and validates content/: conditions, references and red flags.
// Every problem is reported with file and line; a condition with errors is
// left out and the rest still load, so the app always starts.
#include <set>
#include <string>

#include "core/condition.hpp"
#include "core/diagnostics.hpp"

namespace medius {

// Names the content may refer to. An empty set means "do not check".
struct KnownNames {
    std::set<std::string> structures;
    std::set<std::string> landmarks;
};

ContentLibrary loadContent(const std::string& contentDir, const KnownNames& known,
                           DiagnosticSink& sink);

}  // namespace medius
