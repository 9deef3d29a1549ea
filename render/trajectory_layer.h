// The canvas kept between frames: its frame (margins with axes and title), the heatmap, and
// the racers' trajectories drawn on it. Each paint adds only the steps taken since the last
// one and copies the whole picture into place, so a running race of 8 × 10⁴ steps costs a few
// segments and one copy a frame instead of every line and label. It is redrawn from scratch
// when the race, the view, the heatmap, the frame, the size or the line style change.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "gl_objects.h"
#include "path_progress.h"
#include "plot_frame.h"
#include "race.h"
#include "vector_batch.h"

namespace optirace {

class TrajectoryLayer {
 public:
  // What surrounds the heatmap: the layer covers `box` (target pixels), whose margins are
  // cleared to `paper` and then drawn by `draw`, called with the layer bound and the target
  // pixel that is the layer's (0, 0); it must flush with the layer's row order. `version`
  // changes whenever what `draw` draws does.
  struct Frame {
    PixelBox box;
    Rgba paper;
    int version = 0;
    std::function<void(const Framebuffer& layer, PointF origin)> draw;
  };

  // Brings the layer up to date with the race over `heatmap` (identified by heatmapVersion),
  // which fills t.area inside the frame; leaves the framebuffer binding as it found it.
  void update(const Race& race, const CanvasTransform& t, const Frame& frame,
              const Framebuffer& heatmap, int heatmapVersion, float lineWidthPx, bool stepDots,
              VectorBatch& batch, const FontAtlas& font);
  // Copies the layer to the frame's place in the bound target, targetH pixels high.
  void copyTo(int targetH) const;
  int fullRedraws() const { return fullRedraws_; }

 private:
  using Progress = PathProgress;

  Framebuffer layer_;
  PixelBox box_;
  PointF areaOrigin_;  // t.area's top-left corner in the layer
  int frameVersion_ = -1;
  std::uint64_t raceId_ = 0;
  int heatmapVersion_ = -1;
  ViewBox visible_;
  float lineWidthPx_ = 0;
  bool stepDots_ = false;
  std::vector<Progress> progress_;
  int fullRedraws_ = 0;
};

}  // namespace optirace
