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
#include "loss_plot_parts.h"
#include "plot_frame.h"
#include "race.h"
#include "vector_batch.h"

namespace optirace {

class CairoDrawing;

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
  // The plot as vectors (loss_plot_vector.cpp): the same layout, frame, curves and legend.
  void paintVector(CairoDrawing& d, const Race& race, const LossPlotStyle& style, RectPx bounds,
                   float scale);
  // Segment vertices queued for curves since the layer was last redrawn from scratch
  // (tests check the per-column reduction).
  std::size_t curveVertexCount() const { return curveVertices_; }
  int fullRedraws() const { return fullRedraws_; }

 private:
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
  std::vector<CurveProgress> progress_;
  std::size_t curveVertices_ = 0;
  int fullRedraws_ = 0;
};

}  // namespace optirace
