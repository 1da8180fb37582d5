#pragma once
// Where a desktop app keeps the user's files on Linux (XDG base directories).
#include <string>

namespace medius {

enum class XdgFolder { Config, Data };
// $XDG_CONFIG_HOME/medius/<relative> or ~/.config/medius/<relative>; Data likewise with
// $XDG_DATA_HOME and ~/.local/share.
std::string xdgPath(XdgFolder folder, const std::string& relative);

}  // namespace medius
