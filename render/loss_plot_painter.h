// The loss plot: f − f* per step for every racer, log y-axis (or linear), decade ticks, legend,
// the convergence threshold as a dashed line. Curves are reduced per pixel column to their
// minimum and maximum, so 10⁵ steps draw as two points a column without losing spikes.
#pragma once

#include "font_atlas.h"
#include "plot_frame.h"
#include "race.h"
#include "vector_batch.h"

namespace optirace {

struct LossPlotStyle {
  bool logY = true;
  bool lightTheme = false;
  bool legend = true;
  float lineWidthPx = 2.0f;
};

class LossPlotPainter {
 public:
  explicit LossPlotPainter(FontCache& fonts);
  PlotTransform paint(const Race& race, const LossPlotStyle& style, RectPx bounds, int targetW,
                      int targetH, float scale);
  // The last paint's vertex count (tests check the per-column reduction).
  std::size_t lastVertexCount() const { return lastVertexCount_; }

 private:
  FontCache& fonts_;
  VectorBatch batch_;
  std::size_t lastVertexCount_ = 0;
};

// Data bounds of the plot: steps 0..max taken, gaps over every kept point and the threshold.
PlotTransform lossPlotRange(const Race& race, bool logY, RectPx area);

}  // namespace optirace
