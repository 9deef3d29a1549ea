// The lecture presets of assets/presets/, compiled into the binary; keys 1–9 and 0 load them
// (a file named "D_….json" is key D's), in the keyboard's order, then Shift+1, Shift+2, …
// ("sD_….json"): the presets of typed surfaces.
#pragma once

#include <string>
#include <vector>

#include "scenario.h"

namespace optirace {

struct Preset {
  std::string fileName;
  Scenario scenario;
  char key;            // '1' … '9', '0'
  bool shift = false;  // Shift+key

  std::string keyLabel() const;  // "1", "⇧1"
  std::string keyName() const;   // "1", "Shift+1"
};

// The preset a key loads, or nullptr.
const Preset* presetForKey(const std::vector<Preset>& presets, char key, bool shift = false);

// Throws InputError if an embedded preset is invalid (a test holds them valid).
std::vector<Preset> loadPresets();

}  // namespace optirace
