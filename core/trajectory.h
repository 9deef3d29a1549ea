// What a racer keeps of its path for drawing and plotting, in bounded memory: every step while
// there is room, then every 2nd, 4th, … step (the stride doubles each time the buffer fills),
// always ending with the exact current point. A 10⁷-step race keeps at most `capacity` points.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "vec2.h"

namespace optirace {

struct TrajectoryPoint {
  long step = 0;
  Vec2 w;
  double loss = 0.0;
  double gap = 0.0;       // f(w) − f*
  double gradNorm = 0.0;  // |∇f(w)|, without noise (nor clipping)
  double lr = NAN;        // the ηₜ of the step that reached w (NaN at the start)
};

class Trajectory {
 public:
  static constexpr std::size_t kDefaultCapacity = std::size_t{1} << 16;
  explicit Trajectory(std::size_t capacity = kDefaultCapacity);

  void append(const TrajectoryPoint& p);
  void clear();

  // The kept points in step order; the last one is the latest appended.
  const std::vector<TrajectoryPoint>& points() const { return points_; }
  long stride() const { return stride_; }
  // The smallest and largest finite gap of every point appended since clear(), dropped ones
  // included (+∞ and −∞ before any): the loss plot's y range, kept so that no frame has to
  // scan the points.
  double minGap() const { return minGap_; }
  double maxGap() const { return maxGap_; }

 private:
  std::size_t capacity_;
  long stride_ = 1;
  bool tailProvisional_ = false;  // the last point is off-stride, kept only as the current one
  std::vector<TrajectoryPoint> points_;
  double minGap_ = INFINITY, maxGap_ = -INFINITY;
};

}  // namespace optirace
