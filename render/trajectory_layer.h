// The heatmap with the racers' trajectories drawn on it, kept between frames: each paint adds
// only the steps taken since the last one and copies the result into place, so a running race
// of 8 × 10⁴ steps costs a few segments and one copy a frame instead of every line. It is
// redrawn from scratch when the race, the view, the heatmap, the size or the line style change.
#pragma once

#include <cstdint>
#include <vector>

#include "gl_objects.h"
#include "plot_frame.h"
#include "race.h"
#include "vector_batch.h"

namespace optirace {

class TrajectoryLayer {
 public:
  // Brings the layer up to date with the race over `heatmap` (identified by heatmapVersion);
  // leaves the framebuffer binding as it found it.
  void update(const Race& race, const CanvasTransform& t, const Framebuffer& heatmap,
              int heatmapVersion, float lineWidthPx, bool stepDots, VectorBatch& batch,
              const FontAtlas& font);
  // Copies the layer into the bound target's t.area (target height targetH: GL rows go up).
  void copyTo(const CanvasTransform& t, int targetH) const;
  int fullRedraws() const { return fullRedraws_; }

 private:
  struct Progress {
    long drawnUpTo = -1;   // the last step whose segment is in the layer
    PointF lastPoint;      // where the next segment starts (pixels in the layer)
    bool stopped = false;  // diverged: nothing more to draw
  };

  Framebuffer layer_;
  std::uint64_t raceId_ = 0;
  int heatmapVersion_ = -1;
  ViewBox visible_;
  float lineWidthPx_ = 0;
  bool stepDots_ = false;
  std::vector<Progress> progress_;
  int fullRedraws_ = 0;
};

}  // namespace optirace
