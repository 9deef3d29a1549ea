// The pieces of a task's figure (task_figure.cpp) that are drawn as plots are: ticks, a legend,
// the loss per epoch. Internal to the figure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cairo_drawing.h"
#include "network/task_race.h"
#include "plot_frame.h"

namespace optirace {

// The figure's font and colours at its scale.
struct TaskFigureInk {
  const FontAtlas* font = nullptr;
  Rgba ink, faint, paper;
  float scale = 1;
  // `text` shortened with "…" to widthPx in this font.
  std::string fit(const std::string& text, float widthPx) const;
};

// Ticks and labels on the left and bottom edges of `plot`, showing `view`.
void paintLinearTicks(CairoDrawing& d, const TaskFigureInk& k, RectPx plot, const ViewBox& view);

struct LegendEntry {
  std::string label;
  std::uint32_t rgb;
};
// A legend (coloured lines with labels, then notes) in the corner of `plot` that hides the
// fewest of `drawn`; returns its box, or nothing, drawing nothing, where it does not fit
// (legend_place.h).
std::optional<RectPx> paintLegend(CairoDrawing& d, const TaskFigureInk& k, RectPx plot,
                                  const std::vector<LegendEntry>& entries,
                                  const std::vector<std::string>& notes,
                                  const std::vector<PointF>& drawn);

// Each racer's loss per epoch (log scale) up to the shown epoch over the whole budget's axis,
// the threshold dashed, in `area`; returns the plot's own box.
RectPx paintTaskLossPlot(CairoDrawing& d, const TaskFigureInk& k, const TaskRace& race,
                         double threshold, RectPx area);

}  // namespace optirace
