#pragma once
#include "app/app_state.hpp"
#include "app/command_line.hpp"

namespace medius::app {

// The interactive window. Returns the process exit code; with no display it
// prints one line saying so (and how to capture a screenshot) and returns 2.
int runWindow(AppState& state, const CommandLine& commandLine, DiagnosticSink& sink);

}  // namespace medius::app
