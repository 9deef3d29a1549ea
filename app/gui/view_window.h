// The Race and Loss windows: ImGui lays them out and takes their input, runFrame paints their
// pictures straight into the window's framebuffer behind ImGui. So they have no fill, never
// come to the front over the panels, and do not scroll; their title bars and toolbars are kept
// by PanelCache like the panels, around the pictures.
#pragma once

#include <imgui.h>

#include "app_state.h"
#include "plot_frame.h"

namespace optirace {

// Begins a tiled panel's window where app.layout puts it, on the shared backdrop (see
// panel_backdrop.h), and lets the layout follow a user's drag of its edges. Returns false,
// beginning nothing, when the layout hides the panel (presentation mode); otherwise End it.
bool beginPanel(AppState& app, Panel panel, ImGuiWindowFlags flags = 0);

// beginPanel for the Race or Loss window: no fill, never in front of the panels, no scrolling.
bool beginViewWindow(AppState& app, Panel panel);

// The rest of the window's content region, at least 64 × 64 px, in whole pixels, covered by an
// invisible button `id` so that dragging there goes to the view instead of moving the window;
// `reserveBelow` px are left under it for the caller.
RectPx claimViewArea(const char* id, float reserveBelow = 0.0f);

}  // namespace optirace
