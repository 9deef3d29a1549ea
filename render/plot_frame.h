// Where a plot sits in its target and how its data coordinates map to pixels (top-left origin).
#pragma once

#include <algorithm>

#include "drawing.h"
#include "gl_objects.h"
#include "vec2.h"

namespace optirace {

struct RectPx {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(PointF p) const { return p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h; }
};

// The width of racer `index`'s line among `count`: the first drawn widest (2.1 × base), the
// last at the base width, so where paths coincide every colour still shows as a stripe.
inline float layeredLineWidth(float base, std::size_t index, std::size_t count) {
  if (count < 2) return base;
  float fromTop = static_cast<float>(count - 1 - std::min(index, count - 1));
  return base * (1.0f + 1.1f * fromTop / static_cast<float>(count - 1));
}

// Pixel coordinates far outside the target are clamped so float geometry stays sane.
inline PointF clampPixel(PointF p) {
  return {std::clamp(p.x, -1e6f, 1e6f), std::clamp(p.y, -1e6f, 1e6f)};
}

// The canvas: a world view box drawn into a pixel rectangle, y up in the world.
struct CanvasTransform {
  RectPx area;
  ViewBox visible;
  PointF toPixel(Vec2 w) const {
    return {static_cast<float>(area.x + (w.x - visible.xMin) / visible.width() * area.w),
            static_cast<float>(area.y + (visible.yMax - w.y) / visible.height() * area.h)};
  }
  Vec2 toWorld(PointF p) const {
    return {visible.xMin + (p.x - area.x) / area.w * visible.width(),
            visible.yMax - (p.y - area.y) / area.h * visible.height()};
  }
};

// The colours of a plot's margins and of its axes, labels and title: one pair for the dark
// theme, one for the light (projector) theme, shared by the canvas and the loss plot.
Rgba paperFor(bool lightTheme);
Rgba inkFor(bool lightTheme);

// Limits drawing to `r` (whole pixels around it) of the bound target, targetH pixels high with
// its rows stored in `rows`; enables the scissor test.
void scissorTo(const RectPx& r, int targetH, RowOrder rows = RowOrder::BottomUp);
// Fills `r` of the bound target (height targetH) with a colour: a scissored clear, cheaper than
// a blended quad (though llvmpipe shades it as a quad; only a clear of a whole framebuffer is a
// plain memory fill there).
void clearRect(const RectPx& r, int targetH, float red, float green, float blue,
               RowOrder rows = RowOrder::BottomUp);

// The visible box for a camera in an area: the camera itself when filling, or the camera grown
// along one axis so that one world unit spans as many pixels in x as in y.
ViewBox fitView(const ViewBox& camera, const RectPx& area, bool equalAspect);

// The loss plot: steps along x, f − f* along y (log10 of it when logY).
struct PlotTransform {
  RectPx area;
  double xMin = 0, xMax = 1, yMin = 0, yMax = 1;  // y bounds are log10 values when logY
  bool logY = true;
  float xToPixel(double step) const {
    return static_cast<float>(area.x + (step - xMin) / (xMax - xMin) * area.w);
  }
  float yToPixel(double gap) const;
  double pixelToStep(float px) const { return xMin + (px - area.x) / area.w * (xMax - xMin); }
};

}  // namespace optirace
