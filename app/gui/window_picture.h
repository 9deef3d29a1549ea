// Pictures of what the window shows, read back from it after a frame is drawn: the task views'
// screenshot and the η sweep's figure, which ImGui draws (task_views.h, task_sweep_panel.h).
#pragma once

#include <vector>

#include "figure_export.h"
#include "plot_frame.h"

namespace optirace {

// The window's (windowW × windowH, bound) rectangles `parts`, one under the other on `paper`.
// Throws RenderError when GL cannot read the window.
Image windowParts(int windowW, int windowH, const std::vector<RectPx>& parts, Rgba paper);

}  // namespace optirace
