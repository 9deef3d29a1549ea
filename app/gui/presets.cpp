#include "presets.h"

#include "embedded_file.h"

namespace optirace {

std::vector<Preset> loadPresets() {
  std::vector<Preset> presets;
  for (const EmbeddedFile& f : embeddedPresetFiles()) {
    try {
      presets.push_back({f.name, scenarioFromJson(f.text)});
    } catch (const InputError& e) {
      throw InputError(std::string(f.name) + ": " + e.what());
    }
  }
  return presets;
}

}  // namespace optirace
