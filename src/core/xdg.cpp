#include "core/xdg.hpp"

#include <cstdlib>

namespace medius {

std::string xdgPath(XdgFolder folder, const std::string& relative) {
    const char* variable = folder == XdgFolder::Config ? "XDG_CONFIG_HOME"
                           : folder == XdgFolder::Data ? "XDG_DATA_HOME"
                                                       : "XDG_CACHE_HOME";
    if (const char* xdg = std::getenv(variable); xdg && *xdg) return std::string(xdg) + "/medius/" + relative;
    const char* home = std::getenv("HOME");
    const std::string base = std::string(home && *home ? home : ".") +
                             (folder == XdgFolder::Config ? "/.config"
                              : folder == XdgFolder::Data ? "/.local/share"
                                                          : "/.cache");
    return base + "/medius/" + relative;
}

}  // namespace medius
