#include "autosave.h"

#include <filesystem>

#include "settings_store.h"

namespace optirace {

namespace fs = std::filesystem;

std::string autosavePath() {
  std::string dir = configDirectory();
  return dir.empty() ? "" : (fs::path(dir) / "autosave.json").string();
}

void writeAutosave(AppState& app) {
  std::string path = autosavePath();
  if (path.empty()) return;
  try {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    saveScenarioFile(app.scenario, path);  // a temporary file renamed into place
  } catch (const InputError& e) {
    app.report(std::string("autosave failed: ") + e.what(), true);
  }
}

bool restoreAutosave(AppState& app) {
  std::string path = autosavePath();
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) return false;
  try {
    Scenario saved = loadScenarioFile(path);
    requireWindowScenario(saved, path);
    app.setScenario(std::move(saved));
    return true;
  } catch (const InputError& e) {
    std::string aside;
    for (int n = 1; n < 1000; ++n) {
      aside = path + ".damaged-" + std::to_string(n);
      if (!fs::exists(aside, ec)) break;
    }
    fs::rename(path, aside, ec);
    app.report("the autosaved scenario could not be read (" + std::string(e.what()) +
                   "); it was set aside as " + aside + " and a preset loaded instead",
               true);
    return false;
  }
}

}  // namespace optirace
