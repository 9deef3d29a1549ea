#include "task_sweep.h"

#include <cmath>

#include "task.h"
#include "task_scenario.h"
#include "training_run.h"

namespace optirace {

std::vector<double> logGrid(double lo, double hi, int count) {
  std::vector<double> out;
  for (int i = 0; i < count; ++i) {
    double f = count > 1 ? static_cast<double>(i) / (count - 1) : 0.0;
    out.push_back(std::pow(10.0, std::log10(lo) + f * (std::log10(hi) - std::log10(lo))));
  }
  if (count > 1) out.front() = lo, out.back() = hi;  // the ends exactly as typed
  return out;
}

double taskFinalLoss(const Scenario& scenario, const RacerSpec& racer, double lr) {
  const TaskDef& task = *findTask(scenario.task->name);
  Hyper hyper = racer.hyper;
  hyper.lr = lr;
  TrainingRun run(task, *findOptimizer(racer.optimizer), hyper, racer.schedule,
                  trainingSettingsOf(*scenario.task));
  // Row N − 1: the loss measured before the last epoch's update, the seed's losses[-1].
  for (long k = 0; k + 1 < scenario.steps && !run.diverged(); ++k) run.epoch();
  if (run.diverged()) return NAN;
  double loss = run.history().back().loss;
  return std::isfinite(loss) ? loss : NAN;
}

TaskLrSweep sweepTaskLearningRate(const Scenario& scenario, const std::vector<double>& lrs,
                                  std::atomic<int>* cellsDone, const std::atomic<bool>* stop) {
  TaskLrSweep sweep;
  sweep.lrs = lrs;
  for (const RacerSpec& racer : scenario.racers) {
    if (!racer.enabled) continue;
    sweep.labels.push_back(racer.label);
    sweep.colours.push_back(racer.colorRgb);
    std::vector<double>& losses = sweep.finalLoss.emplace_back(lrs.size(), NAN);
    for (std::size_t i = 0; i < lrs.size(); ++i) {
      if (stop && stop->load()) return sweep;
      losses[i] = taskFinalLoss(scenario, racer, lrs[i]);
      if (cellsDone) ++*cellsDone;
    }
  }
  return sweep;
}

}  // namespace optirace
