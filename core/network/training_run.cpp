#include "training_run.h"

#include <cmath>
#include <numeric>

#include "../noise.h"

namespace optirace {

TrainingRun::TrainingRun(const TaskDef& task, const OptimizerDef& def, const Hyper& hyper,
                         const Schedule& schedule, TrainingSettings settings)
    : task_(&task),
      def_(&def),
      hyper_(hyper),
      schedule_(schedule),
      settings_(settings),
      network_(task.shape, task.data),
      optimizer_(makeParameterOptimizer(def, task.shape.parameterCount())),
      params_(task.initialParams),
      point_(params_.size()),
      gradient_(params_.size()),
      order_(task.data.samples),
      shuffleState_(settings.seed) {
  std::iota(order_.begin(), order_.end(), 0);
}

bool TrainingRun::fullBatch() const {
  return settings_.batchSize <= 0 || settings_.batchSize >= task_->data.samples;
}

// Fisher–Yates over the samples with the race's noise generator (xoshiro256**), seeded once per
// run: the same seed gives the same batches on every platform.
void TrainingRun::shuffleRows() {
  GaussianNoise bits(shuffleState_);
  shuffleState_ = bits.nextBits();  // the next epoch's seed
  for (std::size_t i = order_.size() - 1; i > 0; --i) {
    auto j = static_cast<std::size_t>(bits.nextUniform() * static_cast<double>(i + 1));
    std::swap(order_[i], order_[j]);
  }
}

void TrainingRun::takeStep(std::span<const int> rows) {
  Hyper h = hyper_;
  h.lr = lastLr_ = scheduledLr(schedule_, hyper_.lr, t_);
  ++t_;
  const bool atW = optimizer_->gradientAtW();
  // Where the gradient is taken: w itself, or the optimizer's look-ahead point.
  if (!atW) optimizer_->gradientPoint(h, params_, point_);
  const std::vector<double>& point = atW ? params_ : point_;
  PassResult measured = network_.evaluateWithGradient(point, rows, gradient_);
  // A full-batch pass at w measured this epoch's row: no second pass for it.
  if (atW && rows.empty() && history_.size() == static_cast<std::size_t>(epochs_))
    history_.push_back(measured);
  if (!std::isfinite(measured.loss)) diverged_ = true;

  if (h.clips()) {
    double squares = 0.0;
    for (double g : gradient_) squares += g * g;
    double coefficient = clipCoefficient(std::sqrt(squares), h.clipNorm);
    for (double& g : gradient_) g *= coefficient;
  }
  if (def_->decay == DecayKind::Coupled && h.weightDecay != 0.0)
    for (std::size_t i = 0; i < gradient_.size(); ++i)
      gradient_[i] = gradient_[i] + h.weightDecay * point[i];
  optimizer_->step(h, t_, gradient_, params_);
}

void TrainingRun::epoch() {
  if (diverged_) return;
  // This epoch's row: a full-batch step at w measures it in its own pass (takeStep).
  if (!(fullBatch() && optimizer_->gradientAtW())) history();
  if (diverged_) return;
  if (fullBatch()) {
    takeStep({});
  } else {
    shuffleRows();
    const std::size_t size = static_cast<std::size_t>(settings_.batchSize);
    for (std::size_t first = 0; first < order_.size(); first += size) {
      std::size_t count = std::min(size, order_.size() - first);
      takeStep(std::span<const int>(order_).subspan(first, count));
    }
  }
  ++epochs_;
  for (double p : params_)
    if (!std::isfinite(p)) diverged_ = true;
}

const std::vector<PassResult>& TrainingRun::history() {
  if (history_.size() == static_cast<std::size_t>(epochs_)) {
    history_.push_back(network_.evaluate(params_));
    if (!std::isfinite(history_.back().loss)) diverged_ = true;
  }
  return history_;
}

long firstEpochBelow(const std::vector<PassResult>& history, double threshold) {
  for (std::size_t k = 0; k < history.size(); ++k)
    if (history[k].loss < threshold) return static_cast<long>(k);
  return -1;
}

}  // namespace optirace
