// The racers' trajectories drawn incrementally into a layer of their own: each paint adds only
// the steps taken since the last one, so a running race of 8 × 10⁴ steps costs a few segments
// a frame instead of redrawing every line. The layer is redrawn from scratch when the race,
// the view, the size or the line style changes.
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
  TrajectoryLayer();  // compiles the composite shader; throws RenderError

  // Brings the layer up to date with the race and lays it over the bound target inside
  // t.area (target height targetH, for GL's bottom-up rows).
  void paintOver(const Race& race, const CanvasTransform& t, float lineWidthPx, bool stepDots,
                 VectorBatch& batch, const FontAtlas& font, int targetH);
  int fullRedraws() const { return fullRedraws_; }

 private:
  struct Progress {
    long drawnUpTo = -1;   // the last step whose segment is in the layer
    PointF lastPoint;      // where the next segment starts (pixels in the layer)
    bool stopped = false;  // diverged: nothing more to draw
  };
  void reset(const Race& race, const CanvasTransform& t, float lineWidthPx, bool stepDots, int w,
             int h);

  Framebuffer layer_;
  ShaderProgram composite_;
  GlVertexArray emptyVao_;
  std::uint64_t raceId_ = 0;
  ViewBox visible_;
  float lineWidthPx_ = 0;
  bool stepDots_ = false;
  std::vector<Progress> progress_;
  int fullRedraws_ = 0;
};

}  // namespace optirace
