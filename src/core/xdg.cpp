#include "core/xdg.hpp"

#include <cstdlib>

namespace medius {

std::string xdgPath(XdgFolder folder, const std::string& relative) {
    const char* variable = folder == XdgFolder::Config ? "XDG_CONFIG_HOME" : "XDG_DATA_HOME";
    if (const char* xdg = std::getenv(variable); xdg && *xdg) return std::string(xdg) + "/medius/" + relative;
    const char* home = std::getenv("HOME");
    const std::string base = std::string(home && *home ? home : ".") +
                             (folder == XdgFolder::Config ? "/.config" : "/.local/share");
    return base + "/medius/" + relative;
}

}  // namespace medius
