// The strip under the loss plot: ηₜ of every enabled racer on the plot's step axis, so that a
// change in the loss can be read against the schedule that caused it (warmup's ramp, a step
// decay's drop). Shown when some racer's η follows a schedule.
#pragma once

#include "app_state.h"

namespace optirace {

// Whether the strip has something to show (a racer with a schedule) and the user wants it.
bool learningRateStripShown(const AppState& app);
// Its height in a window whose plot and strip share `available` px: four text lines, at most a
// quarter of that, and none (0) where the loss plot would be left too little.
float learningRateStripHeight(float available);
// Draws it, `height` px, in the current window under the plot painted last frame (app.plotView).
void drawLearningRateStrip(const AppState& app, float height);

}  // namespace optirace
