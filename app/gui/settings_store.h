// UI settings kept between sessions in $OPTIRACE_CONFIG_DIR, $XDG_CONFIG_HOME/optirace or
// ~/.config/optirace: settings.json, with the panels' layout as fractions of the window.
#pragma once

#include <string>

#include "app_state.h"

namespace optirace {

std::string configDirectory();  // empty when there is no home to keep settings in
// Reads what it can; a damaged file is reported (not fatal) and the defaults are kept.
void loadUiSettings(UiSettings& settings, std::string& problem);
void saveUiSettings(const UiSettings& settings);

}  // namespace optirace
