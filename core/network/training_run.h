// One optimizer training a task's network from the task's shared initialisation: the network
// counterpart of OptimizerRun. Each epoch takes one step per mini-batch (one per epoch at full
// batch, the seed's training loop): ηₜ from the schedule, the gradient at the optimizer's
// gradient point, clipped over all parameters, coupled decay λ·p added, then the optimizer's
// update: the race's order (optimizer.h, stochasticGradient), with the data's sampling as the
// noise.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "../optimizer.h"
#include "../schedule.h"
#include "dense_network.h"
#include "parameter_optimizer.h"
#include "task.h"

namespace optirace {

struct TrainingSettings {
  int batchSize = 0;       // samples per step; 0 (or ≥ the data's size): the whole data set
  std::uint64_t seed = 0;  // the mini-batches' shuffle, drawn afresh each epoch
};

class TrainingRun {
 public:
  // The caller has validated hyper and schedule (racerSpecProblem) and settings.
  TrainingRun(const TaskDef& task, const OptimizerDef& def, const Hyper& hyper,
              const Schedule& schedule, TrainingSettings settings);

  // One epoch of updates; nothing once the run has diverged.
  void epoch();

  // Row k: the whole data set's loss and accuracy after k epochs (row 0: the initial loss), for
  // k = 0 … epochs(). Rows 0 … N − 1 of a full-batch run are the seed's loss_history.
  const std::vector<PassResult>& history();
  // The rows measured so far, without measuring the current one (a full-batch epoch measures
  // its row in the step's own pass: a caller streaming rows loses nothing by waiting for it).
  const std::vector<PassResult>& rowsSoFar() const { return history_; }
  long epochs() const { return epochs_; }
  long steps() const { return t_; }
  double lastLr() const { return lastLr_; }  // ηₜ of the last step (NaN before the first)
  // A parameter or the loss is no longer a finite number: training has stopped.
  bool diverged() const { return diverged_; }
  std::span<const double> params() const { return params_; }
  const TaskDef& task() const { return *task_; }

 private:
  bool fullBatch() const;
  void shuffleRows();
  void takeStep(std::span<const int> rows);

  const TaskDef* task_;
  const OptimizerDef* def_;
  Hyper hyper_;
  Schedule schedule_;
  TrainingSettings settings_;
  DenseNetwork network_;
  std::unique_ptr<ParameterOptimizer> optimizer_;
  std::vector<double> params_, point_, gradient_;
  std::vector<int> order_;  // this epoch's sample order (mini-batches)
  std::uint64_t shuffleState_;
  std::vector<PassResult> history_;
  long epochs_ = 0, t_ = 0;
  double lastLr_ = NAN;
  bool diverged_ = false;
};

// The first epoch whose recorded loss is below threshold (the seed's "epochs to loss < 0.01"),
// or −1.
long firstEpochBelow(const std::vector<PassResult>& history, double threshold);

}  // namespace optirace
