// The lecture presets of assets/presets/, compiled into the binary; keys 1–8 load them.
#pragma once

#include <string>
#include <vector>

#include "scenario.h"

namespace optirace {

struct Preset {
  std::string fileName;
  Scenario scenario;
};

// Throws InputError if an embedded preset is invalid (a test holds them valid).
std::vector<Preset> loadPresets();

}  // namespace optirace
