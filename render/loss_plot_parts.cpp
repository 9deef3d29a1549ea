#include "loss_plot_parts.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "legend_place.h"
#include "loss_plot_theory.h"

namespace optirace {

namespace {
constexpr double kLogFloor = 1e-300;

// The smallest 1, 2 or 5 × 10^k at or above n: the x range steps through these as a race runs,
// so the kept layer is redrawn only a few times per decade of steps.
double roundUp(double n) {
  double magnitude = std::pow(10.0, std::floor(std::log10(std::max(n, 1.0))));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= n) return m * magnitude;
  return 10.0 * magnitude;
}
}  // namespace

PlotTransform lossPlotRange(const Race& race, bool logY, RectPx area) {
  PlotTransform t;
  t.area = area;
  t.logY = logY;
  t.xMin = 0;
  t.xMax = std::min(roundUp(static_cast<double>(race.stepsTaken())),
                    std::max<double>(race.scenario().steps, 1.0));
  double lo = INFINITY, hi = -INFINITY;
  for (const Racer& r : race.racers()) {
    if (!r.spec().enabled || r.trajectory().minGap() > r.trajectory().maxGap()) continue;
    lo =
        std::min(lo, logY ? std::max(r.trajectory().minGap(), kLogFloor) : r.trajectory().minGap());
    hi =
        std::max(hi, logY ? std::max(r.trajectory().maxGap(), kLogFloor) : r.trajectory().maxGap());
  }
  double threshold = race.scenario().settings.threshold;
  if (!std::isfinite(lo)) lo = threshold, hi = 1.0;
  lo = std::min(lo, threshold);
  if (logY) {
    double a = std::floor(std::log10(lo)), b = std::ceil(std::log10(std::max(hi, lo * 10)));
    t.yMin = std::max(a, b - 40.0);  // at most 40 decades: the rest is round-off
    t.yMax = b;
  } else {
    t.yMin = std::min(0.0, lo);
    t.yMax = hi > t.yMin ? hi * 1.05 : t.yMin + 1.0;
  }
  return t;
}

PlotTransform lossPlotLayout(const Race& race, const LossPlotStyle& style, int w, int h,
                             const FontAtlas& font, float scale) {
  float lineH = font.pixelHeight() * 1.25f;
  // In the layer the plot's bounds start at (0, 0).
  RectPx area{std::round(4.2f * font.pixelHeight()), std::round(1.6f * lineH), 0, 0};
  area.h = std::max(1.0f, std::floor(h - 2.4f * lineH - area.y));
  // The left margin as wide as the y labels need ("1e-12", or "0.00025" on a linear axis).
  float labels = 0;
  for (const Tick& k :
       lossPlotYTicks(lossPlotRange(race, style.logY, area), style.logY, font.pixelHeight()))
    labels = std::max(labels, font.widthOf(k.label));
  area.x = std::max(area.x, std::round(labels + 12.0f * scale));
  area.w = std::max(1.0f, std::floor(w - 10.0f * scale - area.x));  // a tiny panel: a 1-px plot
  return lossPlotRange(race, style.logY, area);
}

std::vector<Tick> lossPlotYTicks(const PlotTransform& t, bool logY, float fontPx) {
  int rows = static_cast<int>(t.area.h / ((logY ? 1.6f : 2.5f) * fontPx));
  return logY ? decadeTicks(t.yMin, t.yMax, std::max(1, rows))  // a tiny plot: one label
              : linearTicks(t.yMin, t.yMax, std::max(1, rows));
}

void drawLossPlotFrame(Drawing& d, const Race& race, const LossPlotStyle& style,
                       const PlotTransform& t, const FontAtlas& font, float scale, float widthPx) {
  const RectPx& area = t.area;
  Rgba ink = inkFor(style.lightTheme);
  Rgba grid = ink.withAlpha(0.15f);
  float tick = 5.0f * scale, width = 1.2f * scale, lineH = font.pixelHeight() * 1.25f;
  const float px = font.pixelHeight();
  LabelRow xLabels(0.5f * px), yLabels(0.2f * px);
  auto yTicks = lossPlotYTicks(t, style.logY, px);
  for (const Tick& k : yTicks) {
    float y = static_cast<float>(area.y + (t.yMax - k.value) / (t.yMax - t.yMin) * area.h);
    d.line({area.x, y}, {area.x + area.w, y}, grid, 1.0f * scale);
    d.line({area.x - tick, y}, {area.x, y}, ink, width);
    if (yLabels.take(y - 0.5f * px, y + 0.5f * px))
      d.text(font, {area.x - tick - 3 * scale, y - 0.5f * px}, k.label, ink, TextAlign::Right);
  }
  for (const Tick& k :
       linearTicks(t.xMin, t.xMax, std::max(2, static_cast<int>(area.w / (6.0f * px))))) {
    float x = t.xToPixel(k.value);
    d.line({x, area.y + area.h}, {x, area.y + area.h + tick}, ink, width);
    // The last label ("2000", "100000") may be wider than the margin: kept inside the layer.
    const float w = font.widthOf(k.label), labelX = std::min(x, widthPx - 2 * scale - 0.5f * w);
    if (xLabels.take(labelX - 0.5f * w, labelX + 0.5f * w))
      d.text(font, {labelX, area.y + area.h + tick + 2 * scale}, k.label, ink, TextAlign::Centre);
  }
  d.text(font, {area.x + 0.5f * area.w, area.y + area.h + tick + 1.3f * font.pixelHeight()}, "step",
         ink, TextAlign::Centre);
  // The title from the plot's left edge, in the longest words that fit the layer (a narrow plot
  // at a large UI scale cut "(log scale)" at the panel's edge).
  const std::vector<std::string_view> titles =
      style.logY ? std::vector<std::string_view>{"f − f*  (log scale)", "f − f*  (log)", "f − f*"}
                 : std::vector<std::string_view>{"f − f*"};
  for (std::string_view title : titles) {
    const float w = font.widthOf(title), right = widthPx - 2 * scale;
    const float x = std::max(2 * scale, std::min(area.x, right - w));
    if (x + w <= right || title == titles.back()) {
      d.text(font, {x, 0.2f * lineH}, title, ink);
      break;
    }
  }
  d.rectOutline({area.x, area.y}, {area.x + area.w, area.y + area.h}, ink, width);
  float thresholdY = t.yToPixel(race.scenario().settings.threshold);
  if (thresholdY >= area.y && thresholdY <= area.y + area.h)
    d.dashedLine({area.x, thresholdY}, {area.x + area.w, thresholdY}, ink.withAlpha(0.8f),
                 1.5f * scale, 7 * scale, 5 * scale);
  if (style.theory) queueTheoryLines(d, race, t, scale);
}

std::vector<PointF> continueCurve(const Racer& r, const PlotTransform& t, CurveProgress& p) {
  std::vector<PointF> path;
  if (p.hasLast) path.push_back(p.last);
  auto closeColumn = [&] {
    if (p.column == INT32_MIN) return;
    // Within one column only the extremes are visible, entered in step order.
    PointF a = p.bottom.x <= p.top.x ? p.bottom : p.top,
           b = p.bottom.x <= p.top.x ? p.top : p.bottom;
    path.push_back(a);
    if (b.y != a.y) path.push_back(b);
  };
  const auto& points = r.trajectory().points();
  auto from = std::upper_bound(points.begin(), points.end(), p.processedUpTo,
                               [](long step, const TrajectoryPoint& q) { return step < q.step; });
  for (auto it = from; it != points.end(); ++it) {
    if (!std::isfinite(it->gap)) {
      p.stopped = true;
      break;
    }
    p.processedUpTo = it->step;
    PointF q{t.xToPixel(static_cast<double>(it->step)),
             std::clamp(t.yToPixel(it->gap), -1e6f, 1e6f)};
    int c = static_cast<int>(std::floor(q.x));
    if (c == p.column) {
      if (q.y > p.bottom.y) p.bottom = q;
      if (q.y < p.top.y) p.top = q;
      continue;
    }
    closeColumn();
    p.column = c;
    p.bottom = p.top = q;
  }
  if (p.stopped) closeColumn();  // a diverged curve is complete
  if (!path.empty()) {
    p.hasLast = true;
    p.last = path.back();
  }
  return path;
}

std::vector<PointF> openColumn(const CurveProgress& p) {
  std::vector<PointF> tail;
  if (p.stopped || p.column == INT32_MIN) return tail;
  if (p.hasLast) tail.push_back(p.last);
  tail.push_back(p.bottom.x <= p.top.x ? p.bottom : p.top);
  tail.push_back(p.bottom.x <= p.top.x ? p.top : p.bottom);
  return tail;
}

void drawLossPlotLegend(Drawing& d, const Race& race, const LossPlotStyle& style,
                        const PlotTransform& onTarget, const FontAtlas& font, float scale) {
  float rowH = font.pixelHeight() * 1.3f, pad = 6 * scale, swatch = 20 * scale, labelW = 0;
  int rows = 0;
  for (const Racer& r : race.racers())
    if (r.spec().enabled) labelW = std::max(labelW, font.widthOf(r.spec().label)), ++rows;
  // A last row for the dashed lines when the plot has them.
  const char* theoryLabel = "theory: f₀·ρ^(2t)";
  bool theoryRow = style.theory && style.logY && hasTheoryLines(race);
  if (theoryRow) labelW = std::max(labelW, font.widthOf(theoryLabel)), ++rows;
  RectPx a = onTarget.area;
  float boxW = 3 * pad + swatch + labelW, boxH = 2 * pad + rows * rowH;
  // The corner that hides the least of the curves (about 500 points a racer).
  std::vector<PointF> data;
  for (const Racer& r : race.racers()) {
    if (!r.spec().enabled) continue;
    const auto& points = r.trajectory().points();
    std::size_t stride = std::max<std::size_t>(1, points.size() / 500);
    for (std::size_t i = 0; i < points.size(); i += stride)
      if (std::isfinite(points[i].gap))
        data.push_back({onTarget.xToPixel(static_cast<double>(points[i].step)),
                        onTarget.yToPixel(points[i].gap)});
  }
  std::optional<PointF> corner = legendCorner(a, boxW, boxH, 8 * scale, data);
  if (rows > 0 && corner) {
    PointF min = *corner;
    // Opaque: a blended box cost as much as the rest of the overlay.
    RectPx box{min.x, min.y, std::ceil(3 * pad + swatch + labelW),
               std::ceil(2 * pad + rows * rowH)};
    d.rect(min, {min.x + box.w, min.y + box.h}, Rgba{1, 1, 1, 1});
    // Outlined as the canvas's legend, so that it stands out on the light theme's white.
    d.rectOutline(min, {min.x + box.w, min.y + box.h}, Rgba{0, 0, 0, 0.5f}, 1.0f * scale);
    int i = 0;
    for (const Racer& r : race.racers()) {
      if (!r.spec().enabled) continue;
      float mid = min.y + pad + rowH * (i++ + 0.5f);
      d.line({min.x + pad, mid}, {min.x + pad + swatch, mid}, Rgba::fromRgb(r.spec().colorRgb),
             3.0f * scale);
      d.text(font, {min.x + 2 * pad + swatch, mid - 0.5f * font.pixelHeight()}, r.spec().label,
             Rgba{0.08f, 0.08f, 0.1f, 1});
    }
    if (theoryRow) {
      float mid = min.y + pad + rowH * (i + 0.5f);
      d.dashedLine({min.x + pad, mid}, {min.x + pad + swatch, mid}, Rgba{0.08f, 0.08f, 0.1f, 1},
                   1.8f * scale, 6 * scale, 4 * scale);
      d.text(font, {min.x + 2 * pad + swatch, mid - 0.5f * font.pixelHeight()}, theoryLabel,
             Rgba{0.08f, 0.08f, 0.1f, 1});
    }
  }
}

}  // namespace optirace
