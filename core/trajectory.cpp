#include "trajectory.h"

#include <algorithm>

namespace optirace {

Trajectory::Trajectory(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 4)) {
  points_.reserve(std::min<std::size_t>(capacity_, 4096));
}

void Trajectory::clear() {
  points_.clear();
  stride_ = 1;
  tailProvisional_ = false;
  minGap_ = INFINITY;
  maxGap_ = -INFINITY;
}

void Trajectory::append(const TrajectoryPoint& p) {
  if (std::isfinite(p.gap)) {
    minGap_ = std::min(minGap_, p.gap);
    maxGap_ = std::max(maxGap_, p.gap);
  }
  if (tailProvisional_) points_.pop_back();
  points_.push_back(p);
  tailProvisional_ = p.step % stride_ != 0;
  if (points_.size() <= capacity_) return;
  // Full: keep every other on-stride point, and the current point.
  long wider = stride_ * 2;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < points_.size(); ++i) {
    bool last = i + 1 == points_.size();
    if (points_[i].step % wider == 0 || last) points_[kept++] = points_[i];
  }
  points_.resize(kept);
  stride_ = wider;
  tailProvisional_ = points_.back().step % stride_ != 0;
}

}  // namespace optirace
