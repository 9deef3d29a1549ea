// The Race and Loss windows: ImGui lays them out and takes their input, runFrame paints their
// pictures straight into the window's framebuffer behind ImGui. So they have no fill, never
// come to the front over the panels, and do not scroll; their title bars and toolbars are kept
// by PanelCache like the panels, around the pictures.
#pragma once

#include "plot_frame.h"

namespace optirace {

// ImGui::Begin for such a window (End it whatever this returns, as ImGui::Begin).
bool beginViewWindow(const char* name);

// The rest of the window's content region, at least 64 × 64 px, in whole pixels, covered by an
// invisible button `id` so that dragging there goes to the view instead of moving the window.
RectPx claimViewArea(const char* id);

}  // namespace optirace
