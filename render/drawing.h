// What the painters draw with, whatever draws it: the GL batch of the window and of PNG and
// video frames (VectorBatch), or cairo's SVG and PDF (CairoDrawing). The painters' layout (axes,
// ticks, legends, markers, arrows) is written once against this and comes out the same in
// every format. Coordinates are pixels of the figure, origin top-left, y down.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "font_atlas.h"

namespace optirace {

struct PointF {
  float x = 0, y = 0;
};

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
  static Rgba fromRgb(std::uint32_t rgb, float alpha = 1.0f) {
    return {((rgb >> 16) & 255) / 255.0f, ((rgb >> 8) & 255) / 255.0f, (rgb & 255) / 255.0f, alpha};
  }
  Rgba withAlpha(float alpha) const { return {r, g, b, alpha}; }
};

enum class TextAlign { Left, Centre, Right };

class Drawing {
 public:
  virtual ~Drawing() = default;

  // The primitives each kind of drawing makes its own way.
  virtual void polyline(std::span<const PointF> points, Rgba colour, float widthPx,
                        bool roundJoins = true) = 0;
  // A polygon that is star-shaped about `centre` (every boundary point visible from it).
  virtual void fillStarShaped(PointF centre, std::span<const PointF> boundary, Rgba colour) = 0;
  virtual void disc(PointF centre, float radius, Rgba colour) = 0;
  // A small disc drawn cheaply where thousands are drawn (joins, step dots); a disc elsewhere.
  virtual void spriteDisc(PointF centre, float radius, Rgba colour) {
    disc(centre, radius, colour);
  }
  virtual void rect(PointF min, PointF max, Rgba colour) = 0;  // axis-aligned, not feathered
  virtual void rectOutline(PointF min, PointF max, Rgba colour, float widthPx);
  // Text with its top-left (Left), top-centre or top-right at `at`, measured and placed by the
  // atlas's metrics; returns its width.
  virtual float text(const FontAtlas& font, PointF at, std::string_view utf8, Rgba colour,
                     TextAlign align = TextAlign::Left) = 0;
  // The width text() gives `utf8`: the atlas's advances, unless a drawing's text comes from a
  // rasteriser of its own (the window's ImGui), which then measures it.
  virtual float textWidth(const FontAtlas& font, std::string_view utf8) const {
    return font.widthOf(utf8);
  }

  // Shapes made of the primitives, the same in every format.
  void line(PointF a, PointF b, Rgba colour, float widthPx);
  void dashedLine(PointF a, PointF b, Rgba colour, float widthPx, float dashPx, float gapPx);
  void star(PointF centre, float outerRadius, Rgba fill, Rgba outline, float outlinePx);
  void cross(PointF centre, float radius, Rgba colour, float widthPx);
};

// A Drawing that also clips (cairo's, ImGui's): what the task views and their loss plot draw
// with (render/task_view_painter.h).
class ClippingDrawing : public Drawing {
 public:
  // Clips what is drawn next to the box until unclip().
  virtual void clip(PointF min, PointF max) = 0;
  virtual void unclip() = 0;
};

}  // namespace optirace
