// The loss per epoch under a task's figure (task_figure.cpp); its ticks and legend are the
// views' (task_view_painter.h). Internal to the figure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cairo_drawing.h"
#include "network/task_race.h"
#include "plot_frame.h"
#include "task_view_painter.h"

namespace optirace {

// Each racer's loss per epoch (log scale) up to the shown epoch over the whole budget's axis,
// the threshold dashed, in `area`; returns the plot's own box.
RectPx paintTaskLossPlot(CairoDrawing& d, const TaskViewInk& k, const TaskRace& race,
                         double threshold, RectPx area);

}  // namespace optirace
