// The Racers panel's controls for what acts on a racer's η and gradient beside the sliders:
// its learning-rate schedule (picker, parameters, and a small η(t) plot over the step budget
// with the race's current step marked) and gradient clipping (every optimizer).
#pragma once

#include "app_state.h"

namespace optirace {

bool scheduleControls(AppState& app, RacerSpec& r);
bool clipControls(AppState& app, RacerSpec& r);
// The labels these controls put beside their widgets (for the panel's label column).
float scheduleLabelsWidth();

}  // namespace optirace
