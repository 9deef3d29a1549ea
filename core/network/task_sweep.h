// The learning-rate sensitivity of a task scenario (seed 003, Exercise 27.4): each enabled racer
// trained for the scenario's epochs at every η of a grid, all its other settings kept, and its
// final loss recorded — the seed's last recorded loss, row N − 1 of `train`'s CSV, as in its
// table. Cells run one after another on the calling thread; a flag stops them early.
#pragma once

#include <atomic>
#include <vector>

#include "../scenario.h"

namespace optirace {

struct TaskLrSweep {
  std::vector<double> lrs;                     // the grid, increasing
  std::vector<std::vector<double>> finalLoss;  // [racer][lr]; NaN where training diverged
  std::vector<std::string> labels;             // the racers' labels
  std::vector<std::uint32_t> colours;
};

// count values from lo to hi, evenly spaced in log10 η (lo itself when count is 1).
std::vector<double> logGrid(double lo, double hi, int count);

// The final loss of racer (an index into the enabled racers) at η = lr.
double taskFinalLoss(const Scenario& scenario, const RacerSpec& racer, double lr);

// Every enabled racer at every η of lrs. `cellsDone` counts finished cells as they finish;
// when `stop` becomes true the sweep returns what it has (the rest NaN) at the next cell.
TaskLrSweep sweepTaskLearningRate(const Scenario& scenario, const std::vector<double>& lrs,
                                  std::atomic<int>* cellsDone = nullptr,
                                  const std::atomic<bool>* stop = nullptr);

}  // namespace optirace
