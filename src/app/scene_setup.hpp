#pragma once
#include <string>

#include "app/command_line.hpp"
#include "core/content_loader.hpp"
#include "core/diagnostics.hpp"
#include "core/structure.hpp"

namespace medius::app {

// $MEDIUS_CONTENT_DIR if set, else the content folder of the source tree
// this binary was built from.
std::string defaultContentDir();

// Medius's own anatomy (unless --no-anatomy) plus every --model file. Files
// that fail to load are reported and left out; the rest still show.
void buildScene(const CommandLine& commandLine, Scene& scene, DiagnosticSink& sink);

// The structure ids and landmarks content may refer to. With no built-in
// anatomy there is nothing to check against, and the sets stay empty.
KnownNames knownNames(const Scene& scene);

}  // namespace medius::app
