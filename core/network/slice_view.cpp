#include "slice_view.h"

#include <algorithm>
#include <cmath>

namespace optirace {

namespace {
// Every racer's trajectory, at most this many epochs of each, for the principal components
// (the plane hardly moves with more; 13 racers of 20 000 epochs would take a second).
constexpr int kPcaEpochsPerRacer = 1000;

WeightSlice planeFor(const TaskRace& race, const SliceChoice& choice) {
  const TaskDef& task = race.task();
  switch (choice.kind) {
    case SliceKind::RandomFilterNormalised:
      return randomFilterNormalisedSlice(task.shape, task.initialParams, choice.randomSeed);
    case SliceKind::NamedWeights:
      return namedWeightSlice(task.shape, task.initialParams, choice.firstWeight,
                              choice.secondWeight);
    case SliceKind::PrincipalComponents:
      break;
  }
  std::vector<std::vector<std::vector<double>>> paths;
  for (int i = 0; i < static_cast<int>(race.racers().size()); ++i) {
    long epochs = race.racers()[i].epochsTrained();
    long stride = std::max(1L, epochs / kPcaEpochsPerRacer);
    auto& path = paths.emplace_back();
    for (long k = stride; k <= epochs; k += stride) {
      std::span<const double> w = race.weightsAt(i, k);
      path.emplace_back(w.begin(), w.end());
    }
  }
  return principalComponentSlice(task.initialParams, paths);
}

// The (α, β) box: every path with a margin around it, and at least ±1 around the start for
// random directions (the literature's window, one filter norm either way) or ±½ otherwise.
ViewBox viewAround(const std::vector<std::vector<Vec2>>& paths, SliceKind kind) {
  double xLo = 0, xHi = 0, yLo = 0, yHi = 0;
  for (const auto& path : paths)
    for (Vec2 p : path)
      if (std::isfinite(p.x) && std::isfinite(p.y)) {
        xLo = std::min(xLo, p.x), xHi = std::max(xHi, p.x);
        yLo = std::min(yLo, p.y), yHi = std::max(yHi, p.y);
      }
  const double least = kind == SliceKind::RandomFilterNormalised ? 1.0 : 0.5;
  auto range = [least](double lo, double hi) {
    double mid = 0.5 * (lo + hi), half = std::max(0.6 * (hi - lo), least);
    return std::pair{mid - half, mid + half};
  };
  auto [x0, x1] = range(xLo, xHi);
  auto [y0, y1] = range(yLo, yHi);
  return {x0, x1, y0, y1};
}
}  // namespace

std::vector<std::vector<Vec2>> projectedPaths(const TaskRace& race, const WeightSlice& plane) {
  std::vector<std::vector<Vec2>> paths;
  for (int i = 0; i < static_cast<int>(race.racers().size()); ++i) {
    auto& path = paths.emplace_back();
    for (long k = 0; k <= race.racers()[i].epochsTrained(); ++k)
      path.push_back(plane.project(race.weightsAt(i, k)));
  }
  return paths;
}

SliceView computeSliceView(const TaskRace& race, const SliceChoice& choice, int resolution) {
  SliceView s;
  s.plane = planeFor(race, choice);
  s.paths = projectedPaths(race, s.plane);
  s.view = viewAround(s.paths, choice.kind);
  s.columns = s.rows = resolution;
  s.losses.resize(static_cast<std::size_t>(resolution) * resolution);
  sliceLosses(race.task().shape, race.task().data, s.plane, s.view, s.columns, s.rows, s.losses);
  s.levels = lossLevels(s.losses);
  return s;
}

}  // namespace optirace
