#include "loss_plot_painter.h"

#include <algorithm>
#include <cmath>

#include "axis_ticks.h"

namespace optirace {

namespace {
constexpr float kFontPx = 15.0f;
constexpr double kLogFloor = 1e-300;

// Per pixel column: the lowest and highest point, in step order.
std::vector<PointF> columnReduced(const Racer& racer, const PlotTransform& t) {
  std::vector<PointF> out;
  const auto& points = racer.trajectory().points();
  int column = INT32_MIN;
  PointF bottom{}, top{};  // bottom: largest pixel y, i.e. smallest gap
  auto emit = [&] {
    if (column == INT32_MIN) return;
    // Within one pixel column only the extremes are visible: the line enters at the first
    // extreme reached and leaves from the other.
    PointF a = bottom.x <= top.x ? bottom : top, b = bottom.x <= top.x ? top : bottom;
    out.push_back(a);
    if (b.y != a.y) out.push_back(b);
  };
  for (const TrajectoryPoint& p : points) {
    if (!std::isfinite(p.gap)) break;
    PointF q{t.xToPixel(static_cast<double>(p.step)), std::clamp(t.yToPixel(p.gap), -1e6f, 1e6f)};
    int c = static_cast<int>(std::floor(q.x));
    if (c != column) {
      emit();
      column = c;
      bottom = top = q;
      continue;
    }
    if (q.y > bottom.y) bottom = q;
    if (q.y < top.y) top = q;
  }
  emit();
  return out;
}
}  // namespace

PlotTransform lossPlotRange(const Race& race, bool logY, RectPx area) {
  PlotTransform t;
  t.area = area;
  t.logY = logY;
  t.xMin = 0;
  t.xMax = std::max<double>(race.stepsTaken(), 1.0);
  double lo = INFINITY, hi = -INFINITY;
  for (const Racer& r : race.racers()) {
    if (!r.spec().enabled) continue;
    for (const TrajectoryPoint& p : r.trajectory().points()) {
      if (!std::isfinite(p.gap)) continue;
      double g = logY ? std::max(p.gap, kLogFloor) : p.gap;
      lo = std::min(lo, g);
      hi = std::max(hi, g);
    }
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

LossPlotPainter::LossPlotPainter(FontCache& fonts) : fonts_(fonts) {}

PlotTransform LossPlotPainter::paint(const Race& race, const LossPlotStyle& style, RectPx bounds,
                                     int targetW, int targetH, float scale) {
  const FontAtlas& font = fonts_.atlas(kFontPx * scale);
  Rgba ink = style.lightTheme ? Rgba{0.1f, 0.1f, 0.12f, 1} : Rgba{0.92f, 0.92f, 0.94f, 1};
  Rgba paper = style.lightTheme ? Rgba{1, 1, 1, 1} : Rgba{0.11f, 0.11f, 0.13f, 1};
  Rgba grid = ink.withAlpha(0.15f);
  float lineH = font.pixelHeight() * 1.25f;
  RectPx area{std::round(bounds.x + 4.2f * font.pixelHeight()), std::round(bounds.y + 1.6f * lineH),
              0, 0};
  area.w = std::floor(bounds.x + bounds.w - 10.0f * scale - area.x);
  area.h = std::floor(bounds.y + bounds.h - 2.4f * lineH - area.y);
  PlotTransform t = lossPlotRange(race, style.logY, area);

  clearRect(bounds, targetH, paper.r, paper.g, paper.b);
  float tick = 5.0f * scale, width = 1.2f * scale;
  auto yTicks =
      style.logY ? decadeTicks(t.yMin, t.yMax,
                               std::max(2, static_cast<int>(area.h / (1.6f * font.pixelHeight()))))
                 : linearTicks(t.yMin, t.yMax,
                               std::max(2, static_cast<int>(area.h / (2.5f * font.pixelHeight()))));
  for (const Tick& k : yTicks) {
    float y = static_cast<float>(area.y + (t.yMax - k.value) / (t.yMax - t.yMin) * area.h);
    batch_.line({area.x, y}, {area.x + area.w, y}, grid, 1.0f * scale);
    batch_.line({area.x - tick, y}, {area.x, y}, ink, width);
    batch_.text(font, {area.x - tick - 3 * scale, y - 0.5f * font.pixelHeight()}, k.label, ink,
                TextAlign::Right);
  }
  for (const Tick& k : linearTicks(
           t.xMin, t.xMax, std::max(2, static_cast<int>(area.w / (6.0f * font.pixelHeight()))))) {
    float x = t.xToPixel(k.value);
    batch_.line({x, area.y + area.h}, {x, area.y + area.h + tick}, ink, width);
    batch_.text(font, {x, area.y + area.h + tick + 2 * scale}, k.label, ink, TextAlign::Centre);
  }
  batch_.text(font, {area.x + 0.5f * area.w, area.y + area.h + tick + 1.3f * font.pixelHeight()},
              "step", ink, TextAlign::Centre);
  batch_.text(font, {area.x, bounds.y + 0.2f * lineH},
              style.logY ? "f − f*  (log scale)" : "f − f*", ink);
  batch_.flush(font, targetW, targetH);

  float thresholdY = t.yToPixel(race.scenario().settings.threshold);
  batch_.dashedLine({area.x, thresholdY}, {area.x + area.w, thresholdY}, ink.withAlpha(0.8f),
                    1.5f * scale, 7 * scale, 5 * scale);
  for (const Racer& r : race.racers()) {
    if (!r.spec().enabled) continue;
    std::vector<PointF> curve = columnReduced(r, t);
    batch_.polyline(curve, Rgba::fromRgb(r.spec().colorRgb), style.lineWidthPx * scale, false);
    if (r.status() == RacerStatus::Diverged && !curve.empty())
      batch_.cross(curve.back(), 6.0f * scale, Rgba::fromRgb(r.spec().colorRgb), 2.5f * scale);
  }
  lastVertexCount_ = batch_.vertexCount();
  int x0 = static_cast<int>(area.x), y0 = targetH - static_cast<int>(area.y + area.h);
  glEnable(GL_SCISSOR_TEST);
  glScissor(x0, y0, static_cast<int>(area.w) + 1, static_cast<int>(area.h) + 1);
  batch_.flush(font, targetW, targetH);
  glDisable(GL_SCISSOR_TEST);

  batch_.rectOutline({area.x, area.y}, {area.x + area.w, area.y + area.h}, ink, width);
  if (style.legend) {
    float rowH = font.pixelHeight() * 1.3f, pad = 6 * scale, swatch = 20 * scale, labelW = 0;
    int rows = 0;
    for (const Racer& r : race.racers())
      if (r.spec().enabled) labelW = std::max(labelW, font.widthOf(r.spec().label)), ++rows;
    PointF min{area.x + area.w - 8 * scale - (3 * pad + swatch + labelW), area.y + 8 * scale};
    if (rows > 0) {
      batch_.rect(min, {min.x + 3 * pad + swatch + labelW, min.y + 2 * pad + rows * rowH},
                  Rgba{1, 1, 1, 0.88f});
      int i = 0;
      for (const Racer& r : race.racers()) {
        if (!r.spec().enabled) continue;
        float mid = min.y + pad + rowH * (i++ + 0.5f);
        batch_.line({min.x + pad, mid}, {min.x + pad + swatch, mid},
                    Rgba::fromRgb(r.spec().colorRgb), 3.0f * scale);
        batch_.text(font, {min.x + 2 * pad + swatch, mid - 0.5f * font.pixelHeight()},
                    r.spec().label, Rgba{0.08f, 0.08f, 0.1f, 1});
      }
    }
  }
  batch_.flush(font, targetW, targetH);
  return t;
}

}  // namespace optirace
