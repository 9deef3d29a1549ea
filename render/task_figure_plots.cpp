// The loss per epoch of a task's figure (task_figure_parts.h).
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "axis_ticks.h"
#include "legend_place.h"
#include "task_figure_parts.h"

namespace optirace {

namespace {

// log10 of the smallest and largest finite positive loss of every racer's whole run, and of
// the threshold: the axis stays put while a video plays the epochs.
std::pair<double, double> logLossRange(const TaskRace& race, double threshold) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  auto take = [&](double loss) {
    if (std::isfinite(loss) && loss > 0)
      lo = std::min(lo, std::log10(loss)), hi = std::max(hi, std::log10(loss));
  };
  for (const TaskRacer& r : race.racers())
    for (const PassResult& row : r.rows) take(row.loss);
  take(threshold);
  if (!(lo <= hi)) lo = -2, hi = 0;  // nothing to show: one decade around the usual threshold
  if (hi - lo < 1) lo = (lo + hi) / 2 - 0.5, hi = lo + 1;
  const double pad = 0.04 * (hi - lo);
  return {lo - pad, hi + pad};
}

}  // namespace

RectPx paintTaskLossPlot(CairoDrawing& d, const TaskViewInk& k, const TaskRace& race,
                         double threshold, RectPx area) {
  const FontAtlas& font = *k.font;
  const float px = font.pixelHeight(), line = px * 1.25f;
  d.text(font, {area.x, area.y}, k.fit(d, "Loss per epoch (log scale)", area.w), k.ink);
  const float left = d.textWidth(font, "1e-00") + px;
  RectPx plot{area.x + left, area.y + line * 1.4f, area.w - left - px,
              area.h - line * 1.4f - line * 2.2f};
  if (plot.w < 16 || plot.h < 16) return {};
  d.rectOutline({plot.x, plot.y}, {plot.x + plot.w, plot.y + plot.h}, k.faint, k.scale);
  const auto [lo, hi] = logLossRange(race, threshold);
  const double epochs = std::max<long>(1, race.budget());
  auto toPixel = [&](double epoch, double loss) {
    double l = loss > 0 && std::isfinite(loss) ? std::clamp(std::log10(loss), lo, hi) : lo;
    return PointF{plot.x + float(epoch / epochs) * plot.w,
                  plot.y + float((hi - l) / (hi - lo)) * plot.h};
  };
  for (const Tick& t : logTicks(lo, hi, std::max(2, int(plot.h / (px * 2))))) {
    float y = plot.y + float((hi - t.value) / (hi - lo)) * plot.h;
    d.line({plot.x - px * 0.3f, y}, {plot.x, y}, k.ink, k.scale);
    d.text(font, {plot.x - px * 0.4f, y - px * 0.5f}, t.label, k.ink, TextAlign::Right);
  }
  for (const Tick& t : linearTicks(0, epochs, std::max(2, int(plot.w / (px * 6))))) {
    float x = plot.x + float(t.value / epochs) * plot.w;
    d.line({x, plot.y + plot.h}, {x, plot.y + plot.h + px * 0.3f}, k.ink, k.scale);
    float w = d.textWidth(font, t.label);
    d.text(font,
           {std::clamp(x - w / 2, plot.x - px, plot.x + plot.w - w), plot.y + plot.h + px * 0.35f},
           t.label, k.ink);
  }
  d.text(font, {plot.x + plot.w / 2, plot.y + plot.h + line * 1.2f}, "epoch", k.ink,
         TextAlign::Centre);

  const float ty = toPixel(0, threshold).y;
  d.dashedLine({plot.x, ty}, {plot.x + plot.w, ty}, k.faint, k.scale, px * 0.5f, px * 0.3f);
  char words[64];
  std::snprintf(words, sizeof words, "threshold %g", threshold);
  d.text(font, {plot.x + px * 0.3f, ty - px * 1.1f}, words, k.faint);

  d.clip({plot.x, plot.y}, {plot.x + plot.w, plot.y + plot.h});
  const float width = std::max(2.0f, px * 0.14f);
  std::vector<PointF> drawn;
  for (const TaskRacer& r : race.racers()) {
    const long last = std::min(race.shown(), r.epochsTrained());
    const long stride = std::max(1L, last / 2000);
    std::vector<PointF> points;
    for (long e = 0; e <= last; e += stride) points.push_back(toPixel(e, r.rows[e].loss));
    if (last >= 0 && last % stride != 0) points.push_back(toPixel(last, r.rows[last].loss));
    d.polyline(points, Rgba::fromRgb(r.spec.colorRgb), width);
    if (points.size() == 1) d.disc(points[0], width * 1.5f, Rgba::fromRgb(r.spec.colorRgb));
    for (std::size_t i = 0; i < points.size(); i += std::max<std::size_t>(1, points.size() / 200))
      drawn.push_back(points[i]);
  }
  d.unclip();
  std::vector<LegendEntry> entries;
  for (const TaskRacer& r : race.racers()) entries.push_back({r.spec.label, r.spec.colorRgb});
  paintLegend(d, k, plot, entries, {}, drawn);
  return plot;
}

}  // namespace optirace
