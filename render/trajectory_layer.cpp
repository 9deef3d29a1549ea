#include "trajectory_layer.h"

#include <algorithm>
#include <cmath>

namespace optirace {

namespace {
// Segments shorter than this are merged: finer detail is invisible under a 2.5 px line.

}  // namespace

void TrajectoryLayer::update(const Race& race, const CanvasTransform& t, const Frame& frame,
                             const Framebuffer& heatmap, int heatmapVersion, float lineWidthPx,
                             bool stepDots, VectorBatch& batch, const FontAtlas& font) {
  const PixelBox& box = frame.box;
  int w = std::max(1, box.w), h = std::max(1, box.h);
  PointF areaOrigin{t.area.x - box.x, t.area.y - box.y};
  GLint target = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &target);
  bool same = layer_ && box_.x == box.x && box_.y == box.y && layer_.width() == w &&
              layer_.height() == h && frameVersion_ == frame.version &&
              areaOrigin_.x == areaOrigin.x && areaOrigin_.y == areaOrigin.y &&
              raceId_ == race.id() && heatmapVersion_ == heatmapVersion &&
              visible_.xMin == t.visible.xMin && visible_.xMax == t.visible.xMax &&
              visible_.yMin == t.visible.yMin && visible_.yMax == t.visible.yMax &&
              lineWidthPx_ == lineWidthPx && stepDots_ == stepDots &&
              progress_.size() == race.racers().size();
  if (!same) {
    if (!layer_ || layer_.width() != w || layer_.height() != h)
      layer_ = Framebuffer(w, h, Framebuffer::Format::WindowLayer, true);  // stencil: paths
    layer_.bind();
    // A clear of the whole layer (a scissored one is a shaded quad on llvmpipe), then the
    // heatmap over the area.
    glClearColor(frame.paper.r, frame.paper.g, frame.paper.b, 1.0f);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    copyPicture(heatmap, {0, 0, heatmap.width(), heatmap.height()}, layer_.id(), h,
                layer_.rowOrder(), static_cast<int>(areaOrigin.x), static_cast<int>(areaOrigin.y));
    if (frame.draw) frame.draw(layer_, {float(box.x), float(box.y)});
    box_ = box;
    areaOrigin_ = areaOrigin;
    frameVersion_ = frame.version;
    raceId_ = race.id();
    heatmapVersion_ = heatmapVersion;
    visible_ = t.visible;
    lineWidthPx_ = lineWidthPx;
    stepDots_ = stepDots;
    progress_.assign(race.racers().size(), Progress{});
    ++fullRedraws_;
  }
  layer_.bind();

  // The area's place in the layer; lines are clipped to it.
  CanvasTransform local{{areaOrigin.x, areaOrigin.y, t.area.w, t.area.h}, t.visible};
  scissorTo({areaOrigin.x, areaOrigin.y, float(heatmap.width()), float(heatmap.height())}, h,
            layer_.rowOrder());
  for (std::size_t i = 0; i < race.racers().size(); ++i) {
    const Racer& racer = race.racers()[i];
    Progress& p = progress_[i];
    if (!racer.spec().enabled || p.stopped) continue;
    std::vector<PointF> path;
    continuePath(
        racer.trajectory().points(), p,
        [&](const TrajectoryPoint& q) -> std::optional<PointF> {
          if (!isFinite(q.w)) return std::nullopt;
          return clampPixel(local.toPixel(q.w));
        },
        path);
    if (path.empty()) continue;
    // A thin dark casing under the line keeps light colours legible on any colormap.
    float width = layeredLineWidth(lineWidthPx, i, race.racers().size());
    drawPathPiece(
        batch, font, layer_, path,
        {Rgba::fromRgb(racer.spec().colorRgb), width, width + 1.6f, static_cast<int>(i), stepDots});
  }
  glDisable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
}

void TrajectoryLayer::copyTo(int targetH) const {
  GLint target = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &target);
  copyPicture(layer_, {0, 0, layer_.width(), layer_.height()}, static_cast<GLuint>(target), targetH,
              RowOrder::BottomUp, box_.x, box_.y);
}

}  // namespace optirace
