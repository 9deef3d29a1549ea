// CanvasPainter's vector half (SVG, PDF): the same layout, decorations, markers, arrows and
// legend as the window's, drawn through cairo; the heatmap's colours as one embedded picture
// beneath, its contour lines and the racers' paths as vector paths over it.
#include <cmath>

#include "cairo_drawing.h"
#include "canvas_painter.h"
#include "figure_export.h"
#include "loss_range.h"
#include "polyline_simplify.h"
#include "surface_contours.h"

namespace optirace {

namespace {
// The heatmap's contour lines: one path per level, in the shader's colour for it.
void drawContours(CairoDrawing& d, const Surface& surface, const CanvasTransform& t,
                  const LossRange& range, const HeatmapStyle& style) {
  // Two pixels a grid cell: finer than the eye follows a line's bends at this width.
  int columns = std::max(2, static_cast<int>(t.area.w / 2) + 1);
  int rows = std::max(2, static_cast<int>(t.area.h / 2) + 1);
  for (const ContourLevel& level :
       surfaceContours(surface, t.visible, range, style.contourSpacingDecades, columns, rows)) {
    std::vector<std::vector<PointF>> lines;
    for (const std::vector<Vec2>& line : joinSegments(level.segments)) {
      std::vector<PointF> pixels;
      for (Vec2 p : line) pixels.push_back(t.toPixel(p));
      lines.push_back(simplifyPolyline(pixels, kVectorPathTolerancePx));
    }
    // heatmap.frag: black over the colormap's light end (t > 0.6), white over its dark end.
    Rgba ink = level.shade > 0.6 ? Rgba{0, 0, 0, style.contourOpacity}
                                 : Rgba{1, 1, 1, style.contourOpacity};
    d.polylines(lines, ink, style.contourWidthPx);
  }
}
}  // namespace

void CanvasPainter::paintVector(CairoDrawing& d, const Race& race, const ViewBox& camera,
                                const std::string& title, const CanvasStyle& style, RectPx bounds,
                                float scale) {
  const FontAtlas& font = fonts_.atlas(kCanvasFontPx * scale);
  CanvasTransform t = canvasLayout(camera, title, style, bounds, font, scale);
  const RectPx& a = t.area;
  d.rect({bounds.x, bounds.y}, {bounds.x + bounds.w, bounds.y + bounds.h},
         paperFor(style.lightTheme));

  // The colours without their contour lines, rendered by the GL at the area's size.
  int w = std::max(1, static_cast<int>(a.w)), h = std::max(1, static_cast<int>(a.h));
  LossRange range = lossRangeOver(race.surface(), t.visible);
  HeatmapStyle colours = style.heatmap;
  colours.contourOpacity = 0;
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  Framebuffer picture(w, h);
  picture.bind();
  heatmapRenderer_.draw(race.surface(), t.visible, range, colours, 0, 0, w, h);
  Image heat = readFramebuffer(w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  d.image(heat.rgba.data(), w, h, {a.x, a.y}, {a.x + a.w, a.y + a.h});

  d.clip({a.x, a.y}, {a.x + a.w, a.y + a.h});
  drawContours(d, race.surface(), t, range, style.heatmap);
  for (std::size_t i = 0; i < race.racers().size(); ++i) {
    const Racer& racer = race.racers()[i];
    if (!racer.spec().enabled) continue;
    std::vector<PointF> path;
    for (const TrajectoryPoint& p : racer.trajectory().points()) {
      if (!isFinite(p.w)) break;
      path.push_back(clampPixel(t.toPixel(p.w)));
    }
    path = simplifyPolyline(path, kVectorPathTolerancePx);
    float width = layeredLineWidth(style.lineWidthPx * scale, i, race.racers().size());
    d.polyline(path, Rgba{0, 0, 0, 0.55f}, width + 1.6f);
    d.polyline(path, Rgba::fromRgb(racer.spec().colorRgb), width);
  }
  std::optional<InspectedStep> step = drawMarksOnMap(d, race, t, style, font, scale);
  d.unclip();

  drawDecorations(d, t, bounds, title, font, inkFor(style.lightTheme), scale);
  if (style.legend) drawLegend(d, race, t, font, scale);
  if (step) drawArrowLegend(d, step->inspection, step->colour, t, font, scale);
}

}  // namespace optirace
