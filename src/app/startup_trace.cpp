#include "app/startup_trace.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

namespace medius::app {

namespace {
// Process start in CLOCK_BOOTTIME seconds: field 22 of /proc/self/stat, in clock ticks.
double processStartSeconds() {
    std::ifstream in("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');  // the command name may hold spaces
    if (close == std::string::npos) return -1.0;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
    }
    return std::strtod(field.c_str(), nullptr) / static_cast<double>(sysconf(_SC_CLK_TCK));
}
}  // namespace

void startupMark(const char* what) {
    static const bool enabled = std::getenv("MEDIUS_STARTUP_TRACE") != nullptr;
    if (!enabled) return;
    static const double start = processStartSeconds();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double ms = (static_cast<double>(now.tv_sec) + now.tv_nsec * 1e-9 - start) * 1000.0;
    std::fprintf(stderr, "medius: startup %8.1f ms  %s\n", ms, what);
}

}  // namespace medius::app
