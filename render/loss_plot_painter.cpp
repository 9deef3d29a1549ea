#include "loss_plot_painter.h"

#include <algorithm>
#include <cmath>

#include "axis_ticks.h"

namespace optirace {

LossPlotPainter::LossPlotPainter(FontCache& fonts) : fonts_(fonts) {}

void LossPlotPainter::redrawAxes(const Race& race, const LossPlotStyle& style,
                                 const PlotTransform& t, const FontAtlas& font, float scale) {
  Rgba paper = paperFor(style.lightTheme);
  clearRect({0, 0, float(layer_.width()), float(layer_.height())}, layer_.height(), paper.r,
            paper.g, paper.b, layer_.rowOrder());
  drawLossPlotFrame(batch_, race, style, t, font, scale, static_cast<float>(layer_.width()));
  batch_.flush(font, layer_.width(), layer_.height(), layer_.rowOrder());
}

void LossPlotPainter::extendCurves(const Race& race, const PlotTransform& t,
                                   const LossPlotStyle& style, float scale) {
  std::size_t before = batch_.vertexCount();
  for (std::size_t i = 0; i < race.racers().size(); ++i) {
    const Racer& r = race.racers()[i];
    CurveProgress& p = progress_[i];
    if (!r.spec().enabled || p.stopped) continue;
    std::vector<PointF> path = continueCurve(r, t, p);
    batch_.polyline(path, Rgba::fromRgb(r.spec().colorRgb),
                    layeredLineWidth(style.lineWidthPx * scale, i, race.racers().size()), false);
  }
  curveVertices_ += batch_.vertexCount() - before;
}

PlotTransform LossPlotPainter::paint(const Race& race, const LossPlotStyle& style, RectPx bounds,
                                     int targetW, int targetH, float scale) {
  prepare(race, style, bounds, scale);
  return compose(race, targetW, targetH);
}

void LossPlotPainter::prepare(const Race& race, const LossPlotStyle& style, RectPx bounds,
                              float scale) {
  const FontAtlas& font = fonts_.atlas(kLossPlotFontPx * scale);
  int w = std::max(1, static_cast<int>(bounds.w)), h = std::max(1, static_cast<int>(bounds.h));
  PlotTransform t = lossPlotLayout(race, style, w, h, font, scale);
  const RectPx& area = t.area;

  GLint target = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &target);
  Key key{race.id(),
          t.xMax,
          t.yMin,
          t.yMax,
          race.scenario().settings.threshold,
          w,
          h,
          scale,
          style.lineWidthPx,
          style.logY,
          style.lightTheme,
          style.theory};
  if (!layer_ || !(key == key_)) {
    if (!layer_ || layer_.width() != w || layer_.height() != h)
      layer_ = Framebuffer(w, h, Framebuffer::Format::WindowLayer);
    layer_.bind();
    redrawAxes(race, style, t, font, scale);
    key_ = key;
    progress_.assign(race.racers().size(), CurveProgress{});
    curveVertices_ = 0;
    ++fullRedraws_;
  }
  layer_.bind();
  extendCurves(race, t, style, scale);
  scissorTo({area.x, area.y, area.w + 1, area.h + 1}, h, layer_.rowOrder());
  batch_.flush(font, w, h, layer_.rowOrder());
  glDisable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
  prepared_ = {t, style, bounds, scale};
}

PlotTransform LossPlotPainter::compose(const Race& race, int targetW, int targetH) {
  copyLayer(targetH);
  return drawOverlays(race, targetW, targetH);
}

void LossPlotPainter::copyLayer(int targetH) {
  const RectPx& bounds = prepared_.bounds;
  GLint target = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &target);
  copyPicture(layer_, {0, 0, layer_.width(), layer_.height()}, static_cast<GLuint>(target), targetH,
              RowOrder::BottomUp, static_cast<int>(bounds.x), static_cast<int>(bounds.y));
}

PlotTransform LossPlotPainter::drawOverlays(const Race& race, int targetW, int targetH) {
  const auto& [t, style, bounds, scale] = prepared_;
  const FontAtlas& font = fonts_.atlas(kLossPlotFontPx * scale);
  const RectPx& area = t.area;
  glViewport(0, 0, targetW, targetH);

  // Per frame, over the copy: each column still being filled, diverged marks, the legend.
  PlotTransform onTarget = t;
  onTarget.area.x += bounds.x;
  onTarget.area.y += bounds.y;
  PointF offset{bounds.x, bounds.y};
  auto shift = [&](PointF p) { return PointF{p.x + offset.x, p.y + offset.y}; };
  for (std::size_t i = 0; i < race.racers().size() && i < progress_.size(); ++i) {
    const Racer& r = race.racers()[i];
    const CurveProgress& p = progress_[i];
    if (!r.spec().enabled) continue;
    Rgba colour = Rgba::fromRgb(r.spec().colorRgb);
    std::vector<PointF> tail = openColumn(p);
    for (PointF& q : tail) q = shift(q);
    batch_.polyline(tail, colour,
                    layeredLineWidth(style.lineWidthPx * scale, i, race.racers().size()), false);
    if (p.stopped && p.hasLast) batch_.cross(shift(p.last), 6.0f * scale, colour, 2.5f * scale);
  }
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<int>(onTarget.area.x), targetH - static_cast<int>(onTarget.area.y + area.h),
            static_cast<int>(area.w) + 1, static_cast<int>(area.h) + 1);
  batch_.flush(font, targetW, targetH);
  glDisable(GL_SCISSOR_TEST);
  if (style.legend) {
    drawLossPlotLegend(batch_, race, style, onTarget, font, scale);
    batch_.flush(font, targetW, targetH);
  }
  return onTarget;
}

}  // namespace optirace
