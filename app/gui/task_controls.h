// The Scenario panel's tasks (seed 003 §27.5): the entries that switch the scenario to training
// a task's network, and its settings (mini-batches, shuffle seed, loss threshold, epochs).
#pragma once

#include "app_state.h"

namespace optirace {

// The tasks as entries of the open Surface combo; true when one was chosen.
bool taskEntries(AppState& app);
// Leaves the task for a surface's race (the caller set the surface).
void leaveTask(AppState& app);
// Under the combo while a task is chosen: what it is and its settings; true on a change.
bool taskSettings(AppState& app);

}  // namespace optirace
