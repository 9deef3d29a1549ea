// A racer's path drawn into a kept picture piece by piece: each frame adds the segments from
// the last point drawn to the newest, for the map's layer and the 3-D view's alike.
#pragma once

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

#include "trajectory.h"
#include "vector_batch.h"

namespace optirace {

// Points closer than this to the last one drawn wait until the path has gone farther: a short
// segment's casing would darken its joints.
inline constexpr float kMinSegmentPx = 2.0f;

struct PathProgress {
  long drawnUpTo = -1;   // the last step whose segment is in the picture
  PointF lastPoint;      // where the next segment starts (pixels in the picture)
  bool stopped = false;  // diverged: nothing more to draw
};

// The polyline that continues the path drawn so far (from its last point) through the points
// after p.drawnUpTo, placed by toPixel (nothing: the point is not finite, the path stops
// there); fewer than two points: nothing to draw yet.
template <class ToPixel>
void continuePath(const std::vector<TrajectoryPoint>& points, PathProgress& p, ToPixel toPixel,
                  std::vector<PointF>& path) {
  path.clear();
  auto from = std::upper_bound(points.begin(), points.end(), p.drawnUpTo,
                               [](long step, const TrajectoryPoint& q) { return step < q.step; });
  if (p.drawnUpTo >= 0) path.push_back(p.lastPoint);
  for (auto it = from; it != points.end(); ++it) {
    std::optional<PointF> q = toPixel(*it);
    if (!q) {
      p.stopped = true;
      break;
    }
    p.drawnUpTo = it->step;
    if (!path.empty()) {
      float dx = q->x - path.back().x, dy = q->y - path.back().y;
      if (dx * dx + dy * dy < kMinSegmentPx * kMinSegmentPx) continue;
    }
    path.push_back(*q);
  }
  if (!path.empty()) p.lastPoint = path.back();
}

// How one racer's path is drawn: a dark casing `casingPx` wide under its colour `widthPx`
// wide, dots at its points with stepDots. `racer` (0, 1, …) tells its line from the others'.
struct PathLook {
  Rgba colour;
  float widthPx = 0, casingPx = 0;
  int racer = 0;
  bool stepDots = false;
};

// Draws a new piece of a racer's path into `layer` (bound, with its scissor as the caller set
// it), which must have a stencil buffer cleared with the layer. The piece comes out as it
// would if the whole path were drawn at once, casing first and colour over it: the stencil
// remembers which racer's colour each pixel holds, and the piece's casing is kept off that
// racer's own earlier colour. (Piece by piece without it, every new casing flecks the line
// drawn in the frames before, wherever a noisy path crosses itself, and at every joint.)
void drawPathPiece(VectorBatch& batch, const FontAtlas& font, const Framebuffer& layer,
                   std::span<const PointF> piece, const PathLook& look);

}  // namespace optirace
