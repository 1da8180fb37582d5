#pragma once
// Where start-up time goes: with MEDIUS_STARTUP_TRACE set, each mark prints the
// milliseconds since the process started (read from the kernel, so the dynamic
// loader's time counts too). The cold-start benchmark reads these lines.
namespace medius::app {

void startupMark(const char* what);

}  // namespace medius::app
