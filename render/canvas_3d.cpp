// CanvasPainter's 3-D view: the kept mesh picture (SurfaceView3D) in the canvas's bounds under
// the title, and over it every frame the projected paths, markers and stars, and the legend.
#include <algorithm>

#include "canvas_painter.h"
#include "ellipsis.h"

namespace optirace {

CanvasTransform CanvasPainter::prepare3d(const Race& race, const ViewBox& camera,
                                         const std::string& title, const CanvasStyle& style,
                                         RectPx bounds, float scale) {
  const FontAtlas& font = fonts_.atlas(kCanvasFontPx * scale);
  float top = title.empty() ? 4.0f * scale : font.pixelHeight() * 1.25f + 10.0f * scale;
  RectPx area{std::round(bounds.x), std::round(bounds.y + top), std::floor(bounds.w),
              std::max(1.0f, std::floor(bounds.h - top))};
  view3d_.prepare(heatmapRenderer_, race, camera, style.heatmap, style.view3d, area,
                  paperFor(style.lightTheme), inkFor(style.lightTheme), style.lineWidthPx * scale,
                  scale, batch_, font);
  CanvasTransform t{area, camera};
  prepared_ = {t, bounds, title, style, scale};
  return t;
}

void CanvasPainter::drawOverlays3d(const Race& race, int targetW, int targetH) {
  const auto& [t, bounds, title, style, scale] = prepared_;
  const FontAtlas& font = fonts_.atlas(kCanvasFontPx * scale);
  glViewport(0, 0, targetW, targetH);
  Rgba ink = inkFor(style.lightTheme);
  view3d_.queueOverlays(race, batch_, scale);
  scissorTo(t.area, targetH);
  batch_.flush(font, targetW, targetH);
  glDisable(GL_SCISSOR_TEST);
  if (!title.empty()) {
    float pad = 4.0f * scale;
    std::string shown = withEllipsis(title, bounds.w - 2 * pad,
                                     [&](const std::string& s) { return font.widthOf(s); });
    batch_.text(font, {bounds.x + 0.5f * bounds.w, bounds.y + pad}, shown, ink, TextAlign::Centre);
  }
  legendBox_.reset();
  std::vector<PointF> data = view3d_.projectedData(race);
  if (style.legend) drawLegend(batch_, race, t, font, scale, &data);
  batch_.flush(font, targetW, targetH);
}

}  // namespace optirace
