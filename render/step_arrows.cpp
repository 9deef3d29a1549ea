#include "step_arrows.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace optirace {

namespace {

const Rgba kBlack{0, 0, 0, 1};
const Rgba kWhite{1, 1, 1, 1};

PointF along(PointF a, PointF b, float s) {
  return {a.x + (b.x - a.x) * s, a.y + (b.y - a.y) * s};
}
float distance(PointF a, PointF b) {
  return std::hypot(b.x - a.x, b.y - a.y);
}

enum class Shaft { Solid, Dashed, Thin };

// An arrow from a to b: its shaft in the kind's style over a dark outline, and a filled head
// whose size follows the line width (readable from the back of a hall), shortened for tiny
// arrows so that the head never overshoots the tail.
void arrow(Drawing& batch, PointF a, PointF b, Rgba colour, Shaft shaft, float scale) {
  float len = distance(a, b);
  if (len < 0.5f) return;
  float width = (shaft == Shaft::Thin ? 2.0f : 3.0f) * scale;
  float head = std::min(4.5f * width, 0.6f * len);
  PointF dir{(b.x - a.x) / len, (b.y - a.y) / len}, normal{-dir.y, dir.x};
  PointF neck = along(a, b, (len - head) / len);
  Rgba outline = shaft == Shaft::Thin ? kWhite : kBlack;
  float rim = 1.5f * scale;
  auto headShape = [&](float grow, Rgba fill) {
    float half = 0.5f * head + grow;
    PointF tip{b.x + dir.x * grow, b.y + dir.y * grow};
    PointF back{neck.x - dir.x * grow, neck.y - dir.y * grow};
    PointF ring[] = {tip,
                     {back.x + normal.x * half, back.y + normal.y * half},
                     {back.x - normal.x * half, back.y - normal.y * half},
                     tip};
    batch.fillStarShaped(along(tip, back, 0.67f), ring, fill);
  };
  if (shaft == Shaft::Dashed) {
    float dash = 3.0f * width, gap = 1.6f * width;
    batch.dashedLine(a, neck, outline, width + 2 * rim, dash, gap);
    batch.dashedLine(a, neck, colour, width, dash, gap);
  } else {
    batch.line(a, neck, outline, width + 2 * rim);
    batch.line(a, neck, colour, width);
  }
  headShape(rim, outline);
  headShape(0, colour);
}

struct Shown {
  const char* label;
  Vec2 vector;
  Shaft shaft;
};

std::vector<Shown> shownArrows(const StepInspection& in, const StepArrowStyle& style) {
  std::vector<Shown> out;
  if (style.step) out.push_back({"step taken", in.step(), Shaft::Solid});
  if (style.plain) out.push_back({"−η·g (gradient descent)", in.plainStep, Shaft::Dashed});
  if (style.memory && in.memoryStep)
    out.push_back({"carried by memory", *in.memoryStep, Shaft::Thin});
  return out;
}

double longestPx(const StepInspection& in, const CanvasTransform& t, const StepArrowStyle& style) {
  PointF from = t.toPixel(in.taken.w);
  double longest = 0;
  for (const Shown& s : shownArrows(in, style)) {
    PointF to = t.toPixel(in.taken.w + s.vector);
    if (std::isfinite(to.x) && std::isfinite(to.y))
      longest = std::max<double>(longest, distance(from, to));
  }
  return longest;
}

std::string magnificationText(double k) {
  char text[48];
  std::snprintf(text, sizeof text, "arrows drawn ×%g", k);
  return text;
}

}  // namespace

double stepArrowMagnification(const StepInspection& in, const CanvasTransform& t,
                              const StepArrowStyle& style, float scale) {
  return arrowMagnification(longestPx(in, t, style), kMinArrowPx * scale);
}

double arrowMagnification(double longestPx, double minPx) {
  if (!(longestPx > 0) || longestPx >= minPx) return 1.0;
  for (double decade = 1; decade <= 1e6; decade *= 10)
    for (double m : {1.0, 2.0, 5.0})
      if (longestPx * m * decade >= minPx) return m * decade;
  return 1e6;
}

void drawStepArrows(Drawing& batch, const StepInspection& in, const CanvasTransform& t, Rgba colour,
                    const StepArrowStyle& style, float scale) {
  if (!isFinite(in.taken.w) || !isFinite(in.taken.next)) return;
  double k = stepArrowMagnification(in, t, style, scale);
  PointF from = clampPixel(t.toPixel(in.taken.w));
  PointF next = clampPixel(t.toPixel(in.taken.w + k * in.step()));
  for (const Shown& s : shownArrows(in, style)) {
    if (s.shaft == Shaft::Thin) {
      // The carried share ends where the step ends: the gradient's share leads to its tail.
      PointF tail = clampPixel(t.toPixel(in.taken.w + k * (in.step() - s.vector)));
      arrow(batch, tail, next, colour, s.shaft, scale);
    } else {
      arrow(batch, from, clampPixel(t.toPixel(in.taken.w + k * s.vector)), colour, s.shaft, scale);
    }
  }
}

void drawGradientField(Drawing& batch, const Surface& surface, const CanvasTransform& t,
                       float scale) {
  float cell = 46.0f * scale;
  int columns = std::max(2, static_cast<int>(t.area.w / cell));
  int rows = std::max(2, static_cast<int>(t.area.h / cell));
  float cw = t.area.w / columns, ch = t.area.h / rows, len = 0.38f * std::min(cw, ch);
  Rgba ink{1, 1, 1, 0.75f};
  for (int i = 0; i < columns; ++i)
    for (int j = 0; j < rows; ++j) {
      PointF centre{t.area.x + (i + 0.5f) * cw, t.area.y + (j + 0.5f) * ch};
      Vec2 g = surface.gradient(t.toWorld(centre));
      // −∇f in pixels: y grows downward on the screen.
      double px = -g.x * t.area.w / t.visible.width(), py = g.y * t.area.h / t.visible.height();
      double n = std::hypot(px, py);
      if (!(n > 0) || !std::isfinite(n)) continue;
      PointF d{static_cast<float>(px / n * len), static_cast<float>(py / n * len)};
      PointF a{centre.x - d.x, centre.y - d.y}, b{centre.x + d.x, centre.y + d.y};
      float head = 0.45f * len;
      PointF neck = along(a, b, 1.0f - head / (2 * len));
      PointF normal{-d.y / len, d.x / len};
      batch.line(a, neck, ink, 1.3f * scale);
      PointF ring[] = {b,
                       {neck.x + normal.x * 0.45f * head, neck.y + normal.y * 0.45f * head},
                       {neck.x - normal.x * 0.45f * head, neck.y - normal.y * 0.45f * head},
                       b};
      batch.fillStarShaped(along(b, neck, 0.67f), ring, ink);
    }
}

PointF stepArrowLegendSize(const FontAtlas& font, const StepInspection& in,
                           const CanvasTransform& t, const StepArrowStyle& style, float scale) {
  float pad = 6.0f * scale, swatch = 34.0f * scale, rowH = font.pixelHeight() * 1.35f;
  float textW = 0;
  std::vector<Shown> shown = shownArrows(in, style);
  for (const Shown& s : shown) textW = std::max(textW, font.widthOf(s.label));
  int rows = static_cast<int>(shown.size());
  double k = stepArrowMagnification(in, t, style, scale);
  if (k > 1) {
    textW = std::max(textW, font.widthOf(magnificationText(k)) - swatch - pad);
    ++rows;
  }
  if (rows == 0) return {0, 0};
  return {pad * 4 + swatch + textW + pad, pad * 2 + rowH * rows};
}

RectPx drawStepArrowLegend(Drawing& batch, const FontAtlas& font, PointF at,
                           const StepInspection& in, const CanvasTransform& t, Rgba colour,
                           const StepArrowStyle& style, float scale) {
  PointF size = stepArrowLegendSize(font, in, t, style, scale);
  RectPx box{at.x, at.y, size.x, size.y};
  if (size.x <= 0) return box;
  float pad = 6.0f * scale, swatch = 34.0f * scale, rowH = font.pixelHeight() * 1.35f;
  batch.rect(at, {at.x + size.x, at.y + size.y}, Rgba{1, 1, 1, 0.92f});
  batch.rectOutline(at, {at.x + size.x, at.y + size.y}, Rgba{0, 0, 0, 0.5f}, 1.0f * scale);
  Rgba text{0.08f, 0.08f, 0.1f, 1};
  float y = at.y + pad;
  for (const Shown& s : shownArrows(in, style)) {
    float mid = y + 0.5f * rowH;
    arrow(batch, {at.x + 2 * pad, mid}, {at.x + 2 * pad + swatch, mid}, colour, s.shaft, scale);
    batch.text(font, {at.x + 3 * pad + swatch, mid - 0.5f * font.pixelHeight()}, s.label, text);
    y += rowH;
  }
  double k = stepArrowMagnification(in, t, style, scale);
  if (k > 1)
    batch.text(font, {at.x + pad, y + 0.5f * rowH - 0.5f * font.pixelHeight()},
               magnificationText(k), text);
  return box;
}

}  // namespace optirace
