#include "presets.h"

#include <algorithm>

#include "embedded_file.h"

namespace optirace {

std::vector<Preset> loadPresets() {
  std::vector<Preset> presets;
  for (const EmbeddedFile& f : embeddedPresetFiles()) {
    std::string name(f.name);
    if (name.size() < 2 || name[0] < '0' || name[0] > '9' || name[1] != '_')
      throw InputError(name + ": a preset's file name starts with its key, e.g. 9_….json");
    try {
      presets.push_back({name, scenarioFromJson(f.text), name[0]});
    } catch (const InputError& e) {
      throw InputError(name + ": " + e.what());
    }
  }
  auto order = [](char key) { return key == '0' ? 10 : key - '0'; };  // 0 after 9, as on keys
  std::stable_sort(presets.begin(), presets.end(),
                   [&](const Preset& a, const Preset& b) { return order(a.key) < order(b.key); });
  return presets;
}

const Preset* presetForKey(const std::vector<Preset>& presets, char key) {
  for (const Preset& p : presets)
    if (p.key == key) return &p;
  return nullptr;
}

}  // namespace optirace
