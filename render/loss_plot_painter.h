// The loss plot: f − f* per step for every racer, log y-axis (or linear), decade ticks, legend,
// the convergence threshold as a dashed line. Curves are reduced per pixel column to their
// minimum and maximum, so 10⁵ steps draw as two points a column without losing spikes. The
// axes and the finished columns are kept in a layer between frames; a paint adds only the
// columns completed since the last one, and redraws everything when the ranges change.
#pragma once

#include <cstdint>
#include <vector>

#include "axis_ticks.h"
#include "font_atlas.h"
#include "gl_objects.h"
#include "plot_frame.h"
#include "race.h"
#include "vector_batch.h"

namespace optirace {

struct LossPlotStyle {
  bool logY = true;
  bool lightTheme = false;
  bool legend = true;
  bool theory = true;  // the bowl's predicted rate as dashed lines (render/loss_plot_theory.h)
  float lineWidthPx = 2.0f;
};

class LossPlotPainter {
 public:
  explicit LossPlotPainter(FontCache& fonts);
  // Paints into the bound framebuffer (targetW × targetH) inside `bounds`; returns the plot's
  // transform in target pixels (for the hover read-out).
  PlotTransform paint(const Race& race, const LossPlotStyle& style, RectPx bounds, int targetW,
                      int targetH, float scale);
  // paint's two halves, as CanvasPainter's: the kept layer brought up to date offscreen, then
  // the picture drawn into the bound framebuffer (returning what paint returns).
  void prepare(const Race& race, const LossPlotStyle& style, RectPx bounds, float scale);
  PlotTransform compose(const Race& race, int targetW, int targetH);
  // compose's two halves, as CanvasPainter's: the kept layer copied into place; then the
  // columns still being filled, diverged marks and the legend drawn over it.
  void copyLayer(int targetH);
  PlotTransform drawOverlays(const Race& race, int targetW, int targetH);
  // Segment vertices queued for curves since the layer was last redrawn from scratch
  // (tests check the per-column reduction).
  std::size_t curveVertexCount() const { return curveVertices_; }
  int fullRedraws() const { return fullRedraws_; }

 private:
  // Per racer: how far its curve is in the layer, and the column still being filled.
  struct Progress {
    long processedUpTo = -1;
    int column = INT32_MIN;
    PointF bottom, top;  // the column's extremes (bottom: largest pixel y, smallest gap)
    bool hasLast = false;
    PointF last;  // the last point drawn into the layer
    bool stopped = false;
  };
  void redrawAxes(const Race& race, const LossPlotStyle& style, const PlotTransform& t,
                  const FontAtlas& font, float scale);
  void extendCurves(const Race& race, const PlotTransform& t, const LossPlotStyle& style,
                    float scale);

  struct Prepared {
    PlotTransform t;
    LossPlotStyle style;
    RectPx bounds;
    float scale = 1;
  } prepared_;
  FontCache& fonts_;
  VectorBatch batch_;
  Framebuffer layer_;
  struct Key {
    std::uint64_t raceId = 0;
    double xMax = 0, yMin = 0, yMax = 0, threshold = 0;
    int w = 0, h = 0;
    float scale = 0, lineWidth = 0;
    bool logY = false, light = false, theory = false;
    bool operator==(const Key&) const = default;
  } key_;
  std::vector<Progress> progress_;
  std::size_t curveVertices_ = 0;
  int fullRedraws_ = 0;
};

// Data bounds of the plot: steps 0 to a round number at or above the steps taken (never past
// the budget), gaps over every kept point and the threshold.
PlotTransform lossPlotRange(const Race& race, bool logY, RectPx area);
// The y axis's ticks: decades (log) or round numbers, about 1.6 or 2.5 font heights apart.
std::vector<Tick> lossPlotYTicks(const PlotTransform& t, bool logY, float fontPx);

}  // namespace optirace
