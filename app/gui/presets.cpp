#include "presets.h"

#include <algorithm>

#include "embedded_file.h"

namespace optirace {

std::vector<Preset> loadPresets() {
  std::vector<Preset> presets;
  for (const EmbeddedFile& f : embeddedPresetFiles()) {
    std::string name(f.name);
    bool shift = name.size() > 2 && name[0] == 's';
    std::size_t k = shift ? 1 : 0;
    if (name.size() < k + 2 || name[k] < '0' || name[k] > '9' || name[k + 1] != '_')
      throw InputError(name + ": a preset's file name starts with its key, e.g. 9_….json or " +
                       "s1_….json (Shift+1)");
    try {
      presets.push_back({name, scenarioFromJson(f.text), name[k], shift});
    } catch (const InputError& e) {
      throw InputError(name + ": " + e.what());
    }
  }
  auto order = [](const Preset& p) {  // 0 after 9, as on keys; shifted ones after those
    return (p.shift ? 100 : 0) + (p.key == '0' ? 10 : p.key - '0');
  };
  std::stable_sort(presets.begin(), presets.end(),
                   [&](const Preset& a, const Preset& b) { return order(a) < order(b); });
  return presets;
}

const Preset* presetForKey(const std::vector<Preset>& presets, char key, bool shift) {
  for (const Preset& p : presets)
    if (p.key == key && p.shift == shift) return &p;
  return nullptr;
}

std::string Preset::keyLabel() const {
  return (shift ? "⇧" : "") + std::string(1, key);
}

std::string Preset::keyName() const {
  return (shift ? "Shift+" : "") + std::string(1, key);
}

}  // namespace optirace
