// LossPlotPainter's vector half (SVG, PDF): the frame, the curves (each one path, reduced per
// pixel column as in the window), diverged marks and the legend, through cairo.
#include "cairo_drawing.h"
#include "loss_plot_painter.h"

namespace optirace {

void LossPlotPainter::paintVector(CairoDrawing& d, const Race& race, const LossPlotStyle& style,
                                  RectPx bounds, float scale) {
  const FontAtlas& font = fonts_.atlas(kLossPlotFontPx * scale);
  int w = std::max(1, static_cast<int>(bounds.w)), h = std::max(1, static_cast<int>(bounds.h));
  PlotTransform t = lossPlotLayout(race, style, w, h, font, scale);
  const RectPx& a = t.area;
  d.offset({bounds.x, bounds.y});
  d.rect({0, 0}, {bounds.w, bounds.h}, paperFor(style.lightTheme));
  drawLossPlotFrame(d, race, style, t, font, scale, bounds.w);
  d.clip({a.x, a.y}, {a.x + a.w + 1, a.y + a.h + 1});
  for (std::size_t i = 0; i < race.racers().size(); ++i) {
    const Racer& r = race.racers()[i];
    if (!r.spec().enabled) continue;
    CurveProgress progress;
    std::vector<PointF> curve = continueCurve(r, t, progress);
    std::vector<PointF> tail = openColumn(progress);  // starts with the curve's last point
    curve.insert(curve.end(), tail.begin() + (tail.empty() || curve.empty() ? 0 : 1), tail.end());
    Rgba colour = Rgba::fromRgb(r.spec().colorRgb);
    d.polyline(curve, colour, layeredLineWidth(style.lineWidthPx * scale, i, race.racers().size()),
               false);
    if (progress.stopped && progress.hasLast)
      d.cross(progress.last, 6.0f * scale, colour, 2.5f * scale);
  }
  d.unclip();
  if (style.legend) drawLossPlotLegend(d, race, style, t, font, scale);
  d.endOffset();
}

}  // namespace optirace
