#include "canvas_painter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "axis_ticks.h"
#include "ellipsis.h"
#include "exit_mark.h"
#include "legend_place.h"

namespace optirace {

namespace {
// How many ticks an axis of `lengthPx` asks for: labels about 6.5 (x) or 3 (y) font heights apart.
int xTickTarget(float lengthPx, float fontPx) {
  return std::max(2, static_cast<int>(lengthPx / (6.5f * fontPx)));
}
int yTickTarget(float lengthPx, float fontPx) {
  return std::max(2, static_cast<int>(lengthPx / (3.0f * fontPx)));
}
const Rgba kGold = Rgba::fromRgb(0xFFD700);
const Rgba kBlack{0, 0, 0, 1};
const Rgba kWhite{1, 1, 1, 1};

// Where a racer's marker goes: its current point, or the last finite one when it diverged.
std::optional<Vec2> lastFinitePoint(const Racer& racer) {
  if (isFinite(racer.current().w)) return racer.current().w;
  const auto& points = racer.trajectory().points();
  for (auto it = points.rbegin(); it != points.rend(); ++it)
    if (isFinite(it->w)) return it->w;
  return std::nullopt;
}
}  // namespace

std::string racerStatusText(const Racer& racer) {
  char buf[64];
  if (racer.status() == RacerStatus::Diverged)
    std::snprintf(buf, sizeof buf, "diverged at %ld", racer.divergedAtStep());
  else if (racer.convergedAtStep() >= 0 && racer.current().gap < racer.threshold())
    std::snprintf(buf, sizeof buf, "converged at %ld", racer.convergedAtStep());
  else
    std::snprintf(buf, sizeof buf, "gap %.3g", racer.current().gap);
  return buf;
}

CanvasTransform canvasLayout(const ViewBox& camera, const std::string& title,
                             const CanvasStyle& style, RectPx bounds, const FontAtlas& font,
                             float scale) {
  float lineH = font.pixelHeight() * 1.25f;
  float top = title.empty() ? 8.0f * scale : lineH + 10.0f * scale;
  // Margins as wide as the tick labels need: deep in a zoom they read "0.99995" or "1.00010".
  float fontPx = font.pixelHeight(), tick = 5.0f * scale;
  float yLabels = 0, lastXLabel = 0;
  for (const Tick& k : linearTicks(camera.yMin, camera.yMax, yTickTarget(bounds.h, fontPx)))
    yLabels = std::max(yLabels, font.widthOf(k.label));
  auto xTicks = linearTicks(camera.xMin, camera.xMax, xTickTarget(bounds.w, fontPx));
  if (!xTicks.empty()) lastXLabel = font.widthOf(xTicks.back().label);
  float left =
      std::max(4.2f * fontPx, yLabels + tick + 3 * scale + font.widthOf("y") + 0.8f * fontPx);
  float right = std::max(10.0f * scale, 0.5f * lastXLabel + 2 * scale);
  RectPx area{std::round(bounds.x + left), std::round(bounds.y + top), 0, 0};
  area.w = std::max(1.0f, std::floor(bounds.x + bounds.w - right - area.x));
  area.h = std::max(1.0f, std::floor(bounds.y + bounds.h - 2.4f * lineH - area.y));
  CanvasTransform t{area, fitView(camera, area, style.equalAspect)};
  return t;
}

CanvasPainter::CanvasPainter(FontCache& fonts) : fonts_(fonts) {}

CanvasTransform CanvasPainter::paint(const Race& race, const ViewBox& camera,
                                     const std::string& title, const CanvasStyle& style,
                                     RectPx bounds, int targetW, int targetH, float scale) {
  CanvasTransform t = prepare(race, camera, title, style, bounds, scale);
  compose(race, targetW, targetH);
  return t;
}

CanvasTransform CanvasPainter::prepare(const Race& race, const ViewBox& camera,
                                       const std::string& title, const CanvasStyle& style,
                                       RectPx bounds, float scale) {
  if (style.view3d.enabled) return prepare3d(race, camera, title, style, bounds, scale);
  const FontAtlas& font = fonts_.atlas(kCanvasFontPx * scale);
  CanvasTransform t = canvasLayout(camera, title, style, bounds, font, scale);
  const RectPx& area = t.area;
  int w = std::max(1, static_cast<int>(area.w)), h = std::max(1, static_cast<int>(area.h));
  GLint target = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &target);
  const Framebuffer& map =
      heatmap_.update(heatmapRenderer_, race.surface(), t.visible, style.heatmap, w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
  Decorations decorations{title, style.lightTheme, scale};
  if (!(decorations == decorations_)) {
    decorations_ = decorations;
    ++decorationsVersion_;
  }
  Rgba ink = inkFor(style.lightTheme);
  TrajectoryLayer::Frame frame{
      {static_cast<int>(bounds.x), static_cast<int>(bounds.y), static_cast<int>(bounds.w),
       static_cast<int>(bounds.h)},
      paperFor(style.lightTheme),
      decorationsVersion_,
      [&](const Framebuffer& layer, PointF origin) {
        // Axes, ticks and title, drawn once into the kept layer rather than every frame.
        drawDecorations(batch_, t, bounds, title, font, ink, scale, origin);
        batch_.flush(font, layer.width(), layer.height(), layer.rowOrder());
      }};
  trajectories_.update(race, t, frame, map, heatmap_.renderCount(), style.lineWidthPx * scale,
                       style.stepDots, batch_, font);
  prepared_ = {t, bounds, title, style, scale};
  return t;
}

void CanvasPainter::compose(const Race& race, int targetW, int targetH) {
  copyLayers(targetW, targetH);
  drawOverlays(race, targetW, targetH);
}

void CanvasPainter::copyLayers(int targetW, int targetH) {
  glViewport(0, 0, targetW, targetH);
  if (prepared_.style.view3d.enabled) {
    Rgba paper = paperFor(prepared_.style.lightTheme);
    clearRect(prepared_.bounds, targetH, paper.r, paper.g, paper.b);
    glDisable(GL_SCISSOR_TEST);
    view3d_.copyTo(targetH);  // the lit mesh; paths, markers and text are drawn over it
    return;
  }
  trajectories_.copyTo(targetH);  // margins, axes, title, heatmap and trajectories
}

std::optional<CanvasPainter::InspectedStep> CanvasPainter::drawMarksOnMap(
    Drawing& d, const Race& race, const CanvasTransform& t, const CanvasStyle& style,
    const FontAtlas& font, float scale) {
  if (style.arrows.field) drawGradientField(d, race.surface(), t, scale);
  drawMarkers(d, race, t, font, scale);
  // The inspected racer's next step, worked out once for its arrows and their legend.
  const Racer* inspected = inspectedRacer(race, style.arrows);
  if (!inspected) return std::nullopt;
  std::optional<StepInspection> step = inspected->run().inspectNextStep();
  if (!step) return std::nullopt;
  Rgba colour = Rgba::fromRgb(inspected->spec().colorRgb);
  drawStepArrows(d, *step, t, colour, style.arrows, scale);
  return InspectedStep{*step, colour};
}

const Racer* inspectedRacer(const Race& race, const StepArrowStyle& style) {
  if (!style.shown || style.racer < 0 || style.racer >= static_cast<int>(race.racers().size()))
    return nullptr;
  const Racer& r = race.racers()[style.racer];
  if (!r.spec().enabled || r.status() == RacerStatus::Diverged) return nullptr;
  return &r;
}

void CanvasPainter::drawOverlays(const Race& race, int targetW, int targetH) {
  if (prepared_.style.view3d.enabled) return drawOverlays3d(race, targetW, targetH);
  const auto& [t, bounds, title, style, scale] = prepared_;
  const FontAtlas& font = fonts_.atlas(kCanvasFontPx * scale);
  const RectPx& area = t.area;
  int w = std::max(1, static_cast<int>(area.w)), h = std::max(1, static_cast<int>(area.h));
  glViewport(0, 0, targetW, targetH);

  // Markers are clipped to the plot area; the legend lies inside it.
  std::optional<InspectedStep> step = drawMarksOnMap(batch_, race, t, style, font, scale);
  scissorTo({area.x, area.y, float(w), float(h)}, targetH);
  batch_.flush(font, targetW, targetH);
  glDisable(GL_SCISSOR_TEST);
  legendBox_.reset();
  if (style.legend) drawLegend(batch_, race, t, font, scale);
  if (step) drawArrowLegend(batch_, step->inspection, step->colour, t, font, scale);
  batch_.flush(font, targetW, targetH);
}

void CanvasPainter::drawArrowLegend(Drawing& d, const StepInspection& in, Rgba colour,
                                    const CanvasTransform& t, const FontAtlas& font, float scale) {
  const StepArrowStyle& style = prepared_.style.arrows;
  PointF size = stepArrowLegendSize(font, in, t, style, scale);
  if (size.x <= 0) return;
  const RectPx& a = t.area;
  float gap = 6.0f * scale;
  std::optional<PointF> at;
  if (legendBox_) {  // under the racers' legend, else above it
    const RectPx& l = *legendBox_;
    float x = std::clamp(l.x + l.w - size.x, a.x + gap, a.x + a.w - size.x - gap);
    if (l.y + l.h + gap + size.y <= a.y + a.h - gap)
      at = PointF{x, l.y + l.h + gap};
    else if (l.y - gap - size.y >= a.y + gap)
      at = PointF{x, l.y - gap - size.y};
  }
  if (!at) {
    std::vector<PointF> data{t.toPixel(in.taken.w), t.toPixel(in.taken.next)};
    at = legendCorner(a, size.x, size.y, 8 * scale, data);
  }
  if (at) drawStepArrowLegend(d, font, *at, in, t, colour, style, scale);
}

void CanvasPainter::drawMarkers(Drawing& d, const Race& race, const CanvasTransform& t,
                                const FontAtlas& font, float scale) {
  // The stars first: a racer that reached a minimizer shows its disc on top of the star.
  for (Vec2 m : race.surface().minimizers())
    d.star(clampPixel(t.toPixel(m)), 11.0f * scale, kGold, kBlack, 1.5f * scale);
  for (const Racer& racer : race.racers()) {
    if (!racer.spec().enabled) continue;
    Rgba colour = Rgba::fromRgb(racer.spec().colorRgb);
    PointF start = clampPixel(t.toPixel(racer.spec().start));
    float s = 5.0f * scale, rim = 1.5f * scale;
    d.rect({start.x - s - rim, start.y - s - rim}, {start.x + s + rim, start.y + s + rim}, kBlack);
    d.rect({start.x - s, start.y - s}, {start.x + s, start.y + s}, kWhite);
    std::optional<Vec2> at = lastFinitePoint(racer);
    if (!at) continue;
    PointF p = clampPixel(t.toPixel(*at));
    if (racer.status() == RacerStatus::Diverged) {
      d.cross(p, 8.0f * scale, kBlack, 5.5f * scale);
      d.cross(p, 8.0f * scale, colour, 3.0f * scale);
    } else {
      d.disc(p, 7.0f * scale, kWhite);
      d.disc(p, 5.0f * scale, colour);
    }
    if (auto exit = exitMark(racer, t)) drawExitMark(d, *exit, colour, font, scale);
  }
}

// An arrow on the border where the path left the view, pointing the way it went, and the step
// it diverged at beside it, inside the canvas.
void CanvasPainter::drawExitMark(Drawing& d, const ExitMark& m, Rgba colour, const FontAtlas& font,
                                 float scale) {
  auto arrow = [&](float size, Rgba fill) {
    PointF dir = m.direction, n{-dir.y, dir.x};
    PointF tip = m.at, back{m.at.x - dir.x * size * 1.6f, m.at.y - dir.y * size * 1.6f};
    PointF corners[] = {tip,
                        {back.x + n.x * size, back.y + n.y * size},
                        {back.x - n.x * size, back.y - n.y * size}};
    PointF centre{(corners[0].x + corners[1].x + corners[2].x) / 3,
                  (corners[0].y + corners[1].y + corners[2].y) / 3};
    PointF ring[] = {corners[0], corners[1], corners[2], corners[0]};
    d.fillStarShaped(centre, ring, fill);
  };
  arrow(10.0f * scale, kBlack);
  arrow(7.0f * scale, colour);
  // The label inward of the arrow: to its left on the right border, below it on the top.
  float back = 20.0f * scale;
  PointF at{m.at.x - m.direction.x * back, m.at.y - m.direction.y * back};
  TextAlign align = m.direction.x > 0.5f    ? TextAlign::Right
                    : m.direction.x < -0.5f ? TextAlign::Left
                                            : TextAlign::Centre;
  at.y += m.direction.y > 0.5f    ? -font.pixelHeight()
          : m.direction.y < -0.5f ? 0.0f
                                  : -0.5f * font.pixelHeight();
  std::string label = "diverged at " + std::to_string(m.step);
  float w = font.widthOf(label), pad = 2.0f * scale;
  float left = align == TextAlign::Left    ? at.x
               : align == TextAlign::Right ? at.x - w
                                           : at.x - w / 2;
  d.rect({left - pad, at.y - pad}, {left + w + pad, at.y + font.pixelHeight() + pad}, kWhite);
  d.text(font, at, label, kBlack, align);
}

void CanvasPainter::drawDecorations(Drawing& d, const CanvasTransform& t, RectPx bounds,
                                    const std::string& title, const FontAtlas& font, Rgba ink,
                                    float scale, PointF origin) {
  CanvasTransform local = t;
  local.area.x -= origin.x;
  local.area.y -= origin.y;
  drawAxes(d, local, font, ink, scale);
  if (title.empty()) return;
  // Centred over the plot, kept inside the canvas, shortened with "…" if it is wider.
  const RectPx& area = t.area;
  float pad = 4.0f * scale, room = bounds.w - 2 * pad;
  std::string shown =
      withEllipsis(title, room, [&](const std::string& s) { return font.widthOf(s); });
  float half = 0.5f * font.widthOf(shown);
  float centre =
      std::clamp(area.x + 0.5f * area.w, bounds.x + pad + half, bounds.x + bounds.w - pad - half);
  d.text(font, {centre - origin.x, bounds.y - origin.y + pad}, shown, ink, TextAlign::Centre);
}

void CanvasPainter::drawAxes(Drawing& d, const CanvasTransform& t, const FontAtlas& font, Rgba ink,
                             float scale) {
  const RectPx& a = t.area;
  float tick = 5.0f * scale, width = 1.2f * scale;
  d.rectOutline({a.x, a.y}, {a.x + a.w, a.y + a.h}, ink, width);
  const float px = font.pixelHeight();
  LabelRow xRow(0.5f * px), yRow(0.2f * px);
  for (const Tick& k : linearTicks(t.visible.xMin, t.visible.xMax, xTickTarget(a.w, px))) {
    float x = t.toPixel({k.value, t.visible.yMin}).x, w = font.widthOf(k.label);
    d.line({x, a.y + a.h}, {x, a.y + a.h + tick}, ink, width);
    if (xRow.take(x - 0.5f * w, x + 0.5f * w))
      d.text(font, {x, a.y + a.h + tick + 2 * scale}, k.label, ink, TextAlign::Centre);
  }
  float yLabels = 0;
  for (const Tick& k : linearTicks(t.visible.yMin, t.visible.yMax, yTickTarget(a.h, px))) {
    float y = t.toPixel({t.visible.xMin, k.value}).y;
    d.line({a.x - tick, y}, {a.x, y}, ink, width);
    if (yRow.take(y - 0.5f * px, y + 0.5f * px))
      yLabels = std::max(yLabels, d.text(font, {a.x - tick - 3 * scale, y - 0.5f * px}, k.label,
                                         ink, TextAlign::Right));
  }
  d.text(font, {a.x + 0.5f * a.w, a.y + a.h + tick + 1.3f * font.pixelHeight()}, "x", ink,
         TextAlign::Centre);
  // The y title left of the widest label, never over it.
  d.text(font,
         {a.x - tick - 3 * scale - yLabels - 0.6f * font.pixelHeight(),
          a.y + 0.5f * a.h - 0.5f * font.pixelHeight()},
         "y", ink, TextAlign::Right);
}

void CanvasPainter::drawLegend(Drawing& d, const Race& race, const CanvasTransform& t,
                               const FontAtlas& font, float scale,
                               const std::vector<PointF>* given) {
  std::vector<const Racer*> shown;
  float labelW = 0, statusW = 0;
  for (const Racer& r : race.racers())
    if (r.spec().enabled) {
      shown.push_back(&r);
      labelW = std::max(labelW, font.widthOf(r.spec().label));
      statusW = std::max(statusW, font.widthOf(racerStatusText(r)));
    }
  if (shown.empty()) return;
  float pad = 6.0f * scale, swatch = 22.0f * scale, rowH = font.pixelHeight() * 1.35f;
  float boxW = pad * 3 + swatch + labelW + 2 * pad + statusW + pad;
  float boxH = pad * 2 + rowH * shown.size();
  // The corner that hides the least of the paths (about 500 points a racer), their starts,
  // current points and the minimizers.
  std::vector<PointF> data;
  if (given) {
    data = *given;
  } else {
    for (const Racer* r : shown) {
      const auto& points = r->trajectory().points();
      std::size_t stride = std::max<std::size_t>(1, points.size() / 500);
      for (std::size_t i = 0; i < points.size(); i += stride)
        if (isFinite(points[i].w)) data.push_back(clampPixel(t.toPixel(points[i].w)));
      if (auto at = lastFinitePoint(*r)) data.push_back(clampPixel(t.toPixel(*at)));
    }
    for (Vec2 m : race.surface().minimizers()) data.push_back(clampPixel(t.toPixel(m)));
  }
  std::optional<PointF> corner = legendCorner(t.area, boxW, boxH, 8 * scale, data);
  if (!corner) return;  // larger than the canvas allows: it would hide what it labels
  PointF min = *corner;
  legendBox_ = RectPx{min.x, min.y, std::ceil(boxW), std::ceil(boxH)};
  // An opaque box: blending a translucent one over the heatmap cost more than the rest of the
  // canvas's per-frame drawing together on llvmpipe.
  d.rect(min, {min.x + std::ceil(boxW), min.y + std::ceil(boxH)}, kWhite);
  d.rectOutline(min, {min.x + boxW, min.y + boxH}, Rgba{0, 0, 0, 0.5f}, 1.0f * scale);
  Rgba text{0.08f, 0.08f, 0.1f, 1};
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const Racer& r = *shown[i];
    Rgba colour = Rgba::fromRgb(r.spec().colorRgb);
    float y = min.y + pad + rowH * i;
    float mid = y + 0.5f * rowH;
    PointF a{min.x + pad, mid}, b{min.x + pad + swatch, mid};
    if (r.status() == RacerStatus::Diverged) {
      d.cross({0.5f * (a.x + b.x), mid}, 6.0f * scale, colour, 3.0f * scale);
    } else {
      d.line(a, b, colour, 3.5f * scale);
      d.disc({0.5f * (a.x + b.x), mid}, 4.5f * scale, colour);
    }
    float textY = mid - 0.5f * font.pixelHeight();
    d.text(font, {b.x + 2 * pad, textY}, r.spec().label, text);
    d.text(font, {min.x + boxW - pad, textY}, racerStatusText(r), text, TextAlign::Right);
  }
}

}  // namespace optirace
