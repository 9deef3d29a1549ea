// The Export panel's video part: the "Video…" popup (format, size, frame rate, duration) and,
// while a video is being made, its progress bar and Cancel.
#pragma once

#include "app_state.h"

namespace optirace {

void drawVideoPopup(AppState& app);     // after the button that opens the popup "Video"
void drawVideoProgress(AppState& app);  // nothing unless a video is being made

}  // namespace optirace
