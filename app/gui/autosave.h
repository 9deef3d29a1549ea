// The current scenario kept in the config folder whenever it changes (written atomically), so
// that a crash, a kill or a closed window loses no work, and read back at the next start.
#pragma once

#include "app_state.h"

namespace optirace {

// configDirectory()/autosave.json, or empty where there is no config folder.
std::string autosavePath();
// Writes the scenario; a failure is reported in the status bar (the race goes on).
void writeAutosave(AppState& app);
// Restores the autosaved scenario when there is one and returns true. One that cannot be read
// is set aside as autosave.json.damaged-N (never deleted) and said so; the app starts as usual.
bool restoreAutosave(AppState& app);

}  // namespace optirace
