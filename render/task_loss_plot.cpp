#include "task_loss_plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "axis_ticks.h"

namespace optirace {

namespace {

// The y axis: log10 of the loss (whole decades) or the loss itself from 0, over every finite
// row of every racer's whole run and the threshold.
struct LossAxis {
  double lo = 0, hi = 1;
  bool log = true;
  double y(double loss) const { return log ? std::log10(std::max(loss, 1e-300)) : loss; }
};

LossAxis axisFor(const TaskRace& race, double threshold, bool log) {
  LossAxis a{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
             log};
  auto take = [&](double loss) {
    if (std::isfinite(loss) && (!log || loss > 0))
      a.lo = std::min(a.lo, a.y(loss)), a.hi = std::max(a.hi, a.y(loss));
  };
  for (const TaskRacer& r : race.racers())
    for (const PassResult& row : r.rows) take(row.loss);
  take(threshold);
  if (!(a.lo <= a.hi)) a.lo = log ? -2 : 0, a.hi = a.lo + 1;  // nothing to show
  if (log)
    a.lo = std::floor(std::max(a.lo, -12.0)), a.hi = std::ceil(a.hi);
  else
    a.lo = 0;
  if (a.hi - a.lo < 1e-12) a.hi = a.lo + 1;
  return a;
}

}  // namespace

long taskLossPlotEpoch(const TaskRace& race, RectPx plot, float x) {
  const double budget = std::max(1L, race.budget());
  return std::clamp(std::lround((x - plot.x) / plot.w * budget), 0L, race.budget());
}

RectPx paintTaskLossPlot(ClippingDrawing& d, const TaskViewInk& k, const TaskRace& race,
                         double threshold, RectPx area, const TaskLossPlotStyle& style) {
  const FontAtlas& font = *k.font;
  const float px = font.pixelHeight(), line = px * 1.25f;
  // The title where the plot keeps three lines of height under it; otherwise the plot takes its
  // room (a panel a few lines high at a projector's 200 % drew the title and no plot).
  const bool titled = area.h - line * 1.4f - line * 2.2f >= 3 * line;
  if (titled)
    d.text(font, {area.x, area.y},
           k.fit(d, "Loss L = (1/2m)·Σ(ŷ − y)² on the whole data set, per epoch", area.w), k.ink);
  const float top = titled ? line * 1.4f : px * 0.5f;
  const float left = d.textWidth(font, "1e-10") + px * 0.8f;
  RectPx plot{area.x + left, area.y + top, area.w - left - px, area.h - top - line * 2.2f};
  if (plot.w < 16 || plot.h < 16) return {};
  const LossAxis axis = axisFor(race, threshold, style.logY);
  const double budget = std::max(1L, race.budget());
  auto xOf = [&](double epoch) { return plot.x + float(epoch / budget) * plot.w; };
  auto yOf = [&](double loss) {
    double v = std::clamp(axis.y(loss), axis.lo - 1, axis.hi + 1);
    return plot.y + float((axis.hi - v) / (axis.hi - axis.lo)) * plot.h;
  };
  d.rectOutline({plot.x, plot.y}, {plot.x + plot.w, plot.y + plot.h}, k.faint, k.scale);
  const auto yTicks = axis.log
                          ? decadeTicks(axis.lo, axis.hi, std::max(2, int(plot.h / (px * 1.6f))))
                          : linearTicks(axis.lo, axis.hi, std::max(2, int(plot.h / (px * 2))));
  LabelRow xLabels(px * 0.5f), yLabels(px * 0.2f);
  for (const Tick& t : yTicks) {
    float y = plot.y + float((axis.hi - t.value) / (axis.hi - axis.lo)) * plot.h;
    d.line({plot.x, y}, {plot.x + plot.w, y}, k.faint.withAlpha(0.2f), k.scale);
    if (yLabels.take(y - px * 0.5f, y + px * 0.5f))
      d.text(font, {plot.x - px * 0.3f, y - px * 0.5f}, t.label, k.ink, TextAlign::Right);
  }
  for (const Tick& t : linearTicks(0, budget, std::max(2, int(plot.w / (px * 5))))) {
    float x = xOf(t.value), w = d.textWidth(font, t.label);
    d.line({x, plot.y + plot.h}, {x, plot.y + plot.h + px * 0.3f}, k.ink, k.scale);
    const float left = std::clamp(x - w / 2, area.x, plot.x + plot.w - w);
    if (xLabels.take(left, left + w))
      d.text(font, {left, plot.y + plot.h + px * 0.3f}, t.label, k.ink);
  }
  d.text(font, {plot.x + plot.w, plot.y + plot.h + px * 1.35f}, "epoch", k.faint, TextAlign::Right);

  const float ty = yOf(threshold);
  d.dashedLine({plot.x, ty}, {plot.x + plot.w, ty}, k.faint, k.scale, px * 0.5f, px * 0.5f);
  if (style.epochLine)
    d.line({xOf(race.shown()), plot.y}, {xOf(race.shown()), plot.y + plot.h},
           k.faint.withAlpha(0.5f), k.scale);

  d.clip({plot.x, plot.y}, {plot.x + plot.w, plot.y + plot.h});
  const float width = std::max(2.0f, px * 0.14f);
  std::vector<PointF> drawn;
  for (const TaskRacer& r : race.racers()) {
    // A point a pixel along at most, and the epoch shown.
    const long last = std::min<long>(race.shown(), static_cast<long>(r.rows.size()) - 1);
    const long stride = std::max(1L, static_cast<long>(budget / std::max(1.0f, plot.w)));
    std::vector<PointF> points;
    for (long e = 0; e <= last; e += stride) points.push_back({xOf(e), yOf(r.rows[e].loss)});
    if (last > 0 && last % stride != 0) points.push_back({xOf(last), yOf(r.rows[last].loss)});
    const Rgba colour = Rgba::fromRgb(r.spec.colorRgb);
    d.polyline(points, colour, width);
    if (!points.empty()) d.disc(points.back(), width * 1.6f, colour);
    for (std::size_t i = 0; i < points.size(); i += std::max<std::size_t>(1, points.size() / 200))
      drawn.push_back(points[i]);
  }
  d.unclip();
  if (plot.h >= 6 * px) {  // named where the plot has room; in a small one it covers the curves
    char words[64];
    std::snprintf(words, sizeof words, "threshold %g", threshold);
    // Above the line at the left or the right end, whichever hides fewer points of the curves
    // (they cross the threshold early on XOR, late on the circle).
    const float w = d.textWidth(font, words), top = ty - px * 1.1f;
    auto hidden = [&](float x0) {
      return std::count_if(drawn.begin(), drawn.end(), [&](PointF p) {
        return p.x >= x0 - px && p.x <= x0 + w + px && p.y >= top - px && p.y <= ty;
      });
    };
    const float leftX = plot.x + px * 0.3f, rightX = plot.x + plot.w - px * 0.3f - w;
    d.text(font, {hidden(rightX) < hidden(leftX) ? rightX : leftX, top}, words, k.faint);
  }
  if (style.legend) {
    std::vector<LegendEntry> entries;
    for (const TaskRacer& r : race.racers()) entries.push_back({r.spec.label, r.spec.colorRgb});
    paintLegend(d, k, plot, entries, {}, drawn);
  }
  return plot;
}

}  // namespace optirace
