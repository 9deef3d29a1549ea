// Drawing onto a cairo context: what the painters draw becomes vector paths and real text in
// an SVG or a PDF (cairo writes both). Lines keep their round joins and caps as cairo's own;
// text is DejaVu Sans, the window's font, at the atlas's size and baseline, so layouts measured
// with the atlas fit.
#pragma once

#include <cairo.h>

#include <vector>

#include "drawing.h"

namespace optirace {

class CairoDrawing : public ClippingDrawing {
 public:
  explicit CairoDrawing(cairo_t* cr);

  void polyline(std::span<const PointF> points, Rgba colour, float widthPx,
                bool roundJoins = true) override;
  void fillStarShaped(PointF centre, std::span<const PointF> boundary, Rgba colour) override;
  void disc(PointF centre, float radius, Rgba colour) override;
  void rect(PointF min, PointF max, Rgba colour) override;
  void rectOutline(PointF min, PointF max, Rgba colour, float widthPx) override;
  float text(const FontAtlas& font, PointF at, std::string_view utf8, Rgba colour,
             TextAlign align = TextAlign::Left) override;

  // Several polylines stroked as one path (a contour level: one element in the SVG).
  void polylines(const std::vector<std::vector<PointF>>& lines, Rgba colour, float widthPx);
  // An RGBA picture (rows top to bottom) drawn into `box`, sampled nearest when enlarged.
  void image(const std::uint8_t* rgba, int width, int height, PointF min, PointF max);
  void clip(PointF min, PointF max) override;
  void unclip() override;
  // Moves what follows by `by` until endOffset() (a painter's box drawn from its own (0, 0)).
  void offset(PointF by);
  void endOffset();

 private:
  void setColour(Rgba c);
  cairo_t* cr_;
  double emPerPixelHeight_ = 1;  // cairo's font size for 1 px of the atlas's pixel height
};

}  // namespace optirace
