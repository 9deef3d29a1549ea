// The slice of weight space the window draws for a task race (weight_slice.h): the plane a
// lecturer chose, the (α, β) box around the racers' projected paths, and the losses on a grid
// over it.
#pragma once

#include <cstdint>
#include <vector>

#include "task_pictures.h"
#include "task_race.h"
#include "weight_slice.h"

namespace optirace {

// The directions of the slice a lecturer chooses (weight_slice.h).
struct SliceChoice {
  SliceKind kind = SliceKind::PrincipalComponents;
  std::uint64_t randomSeed = 1;
  int firstWeight = 0, secondWeight = 1;  // parameter indices, for named weights
  bool operator==(const SliceChoice&) const = default;
};

// The slice as computed for one task race and choice: its plane, the (α, β) box shown, the
// losses on a grid over it, and every racer's projected path (one point per epoch).
struct SliceView {
  WeightSlice plane;
  ViewBox view;
  int columns = 0, rows = 0;
  std::vector<double> losses;
  LossLevels levels;
  std::vector<std::vector<Vec2>> paths;
};
// Computes it (the grid on two threads; ~0.1 s for the circle at 128 × 128). Throws
// std::invalid_argument for named weights out of range or equal.
SliceView computeSliceView(const TaskRace& race, const SliceChoice& choice, int resolution);
// Every racer's weights, epoch by epoch, projected onto the plane (least squares).
std::vector<std::vector<Vec2>> projectedPaths(const TaskRace& race, const WeightSlice& plane);

}  // namespace optirace
