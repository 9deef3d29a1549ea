// The loss plot's layout and drawing, shared by the window's kept layer (LossPlotPainter) and
// vector figures: the plot's range and place, its frame (axes, grid, labels, threshold, theory
// lines), the curves reduced per pixel column to their extremes, and the legend.
#pragma once

#include <climits>
#include <cstdint>
#include <vector>

#include "axis_ticks.h"
#include "drawing.h"
#include "font_atlas.h"
#include "plot_frame.h"
#include "race.h"

namespace optirace {

inline constexpr float kLossPlotFontPx = 15.0f;

struct LossPlotStyle {
  bool logY = true;
  bool lightTheme = false;
  bool legend = true;
  bool theory = true;  // the bowl's predicted rate as dashed lines (render/loss_plot_theory.h)
  float lineWidthPx = 2.0f;
};

// Per racer: how far its curve is drawn, and the pixel column still being filled.
struct CurveProgress {
  long processedUpTo = -1;
  int column = INT32_MIN;
  PointF bottom, top;  // the column's extremes (bottom: largest pixel y, smallest gap)
  bool hasLast = false;
  PointF last;  // the last point drawn into the layer
  bool stopped = false;
};

// Data bounds of the plot: steps 0 to a round number at or above the steps taken (never past
// the budget), gaps over every kept point and the threshold.
PlotTransform lossPlotRange(const Race& race, bool logY, RectPx area);
// The y axis's ticks: decades (log) or round numbers, about 1.6 or 2.5 font heights apart.
std::vector<Tick> lossPlotYTicks(const PlotTransform& t, bool logY, float fontPx);
// The plot in a w × h box whose corner is (0, 0): margins for the labels, then the range.
PlotTransform lossPlotLayout(const Race& race, const LossPlotStyle& style, int w, int h,
                             const FontAtlas& font, float scale);
// Axes, grid, tick labels, the titles, the threshold and theory's lines, in t's pixels;
// widthPx: the box's width, which the last x label stays inside.
void drawLossPlotFrame(Drawing& d, const Race& race, const LossPlotStyle& style,
                       const PlotTransform& t, const FontAtlas& font, float scale, float widthPx);
// The racer's curve from where `p` left it to its last point, column by column (the column
// still being filled stays in p): the points to draw, starting at the last one drawn.
std::vector<PointF> continueCurve(const Racer& racer, const PlotTransform& t, CurveProgress& p);
// The curve's piece in the column still being filled (empty when there is none).
std::vector<PointF> openColumn(const CurveProgress& p);
// The legend in the corner that hides the least of the curves; nothing when it does not fit.
void drawLossPlotLegend(Drawing& d, const Race& race, const LossPlotStyle& style,
                        const PlotTransform& t, const FontAtlas& font, float scale);

}  // namespace optirace
