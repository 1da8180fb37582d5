#pragma once
// Where a desktop app keeps the user's files on Linux (XDG base directories).
#include <string>

namespace medius {

enum class XdgFolder { Config, Data, Cache };
// $XDG_CONFIG_HOME/medius/<relative> or ~/.config/medius/<relative>; Data likewise with
// $XDG_DATA_HOME and ~/.local/share, Cache with $XDG_CACHE_HOME and ~/.cache.
std::string xdgPath(XdgFolder folder, const std::string& relative);

}  // namespace medius
