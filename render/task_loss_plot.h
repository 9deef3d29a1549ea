// A task race's loss per epoch (the seed's loss_history), painted by one piece of code for the
// window's Loss panel and under a task's figure: each racer's loss up to the epoch shown, on the
// whole run's axes so that they stay still while the epochs play, the threshold dashed.
#pragma once

#include "drawing.h"
#include "network/task_race.h"
#include "plot_frame.h"
#include "task_view_painter.h"

namespace optirace {

struct TaskLossPlotStyle {
  bool logY = true;
  bool legend = true;      // the racers named in the plot (a figure; the window's leaderboard does)
  bool epochLine = false;  // a line at the epoch shown (the window, whose timeline moves it)
};

// Paints the plot in `area`; returns the plot's own box (empty where there is no room).
RectPx paintTaskLossPlot(ClippingDrawing& d, const TaskViewInk& k, const TaskRace& race,
                         double threshold, RectPx area, const TaskLossPlotStyle& style);

// The epoch at x in a plot whose box paintTaskLossPlot returned (the window's read-out).
long taskLossPlotEpoch(const TaskRace& race, RectPx plot, float x);

}  // namespace optirace
