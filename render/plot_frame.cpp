#include "plot_frame.h"

#include <algorithm>
#include <cmath>

#include "gl_objects.h"

namespace optirace {

Rgba paperFor(bool lightTheme) {
  return lightTheme ? Rgba{1, 1, 1, 1} : Rgba{0.11f, 0.11f, 0.13f, 1};
}

Rgba inkFor(bool lightTheme) {
  return lightTheme ? Rgba{0.1f, 0.1f, 0.12f, 1} : Rgba{0.92f, 0.92f, 0.94f, 1};
}

void scissorTo(const RectPx& r, int targetH, RowOrder rows) {
  int w = static_cast<int>(std::ceil(r.w)), h = static_cast<int>(std::ceil(r.h));
  int y = rows == RowOrder::TopDown ? static_cast<int>(r.y) : targetH - static_cast<int>(r.y + r.h);
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<int>(r.x), y, w, h);
}

void clearRect(const RectPx& r, int targetH, float red, float green, float blue, RowOrder rows) {
  if (r.w <= 0 || r.h <= 0) return;
  scissorTo(r, targetH, rows);
  glClearColor(red, green, blue, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
}

ViewBox fitView(const ViewBox& camera, const RectPx& area, bool equalAspect) {
  if (!equalAspect || area.w <= 0 || area.h <= 0) return camera;
  double unitsPerPx = std::max(camera.width() / area.w, camera.height() / area.h);
  Vec2 c = camera.centre();
  double hw = 0.5 * unitsPerPx * area.w, hh = 0.5 * unitsPerPx * area.h;
  return {c.x - hw, c.x + hw, c.y - hh, c.y + hh};
}

float PlotTransform::yToPixel(double gap) const {
  double v = logY ? std::log10(std::max(gap, 1e-300)) : gap;
  return static_cast<float>(area.y + (yMax - v) / (yMax - yMin) * area.h);
}

}  // namespace optirace
