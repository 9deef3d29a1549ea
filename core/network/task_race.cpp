#include "task_race.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <system_error>
#include <thread>

#include "task_scenario.h"

namespace optirace {

namespace {
TaskRacer train(const TaskDef& task, const RacerSpec& spec, const TaskSetup& setup, long epochs) {
  TaskRacer racer;
  racer.spec = spec;
  TrainingRun run(task, *findOptimizer(spec.optimizer), spec.hyper, spec.schedule,
                  trainingSettingsOf(setup));
  auto keepWeights = [&] {
    racer.weights.insert(racer.weights.end(), run.params().begin(), run.params().end());
  };
  keepWeights();
  for (long k = 0; k < epochs && !run.diverged(); ++k) {
    run.epoch();
    if (!run.diverged()) keepWeights();
  }
  racer.rows = run.history();
  // A diverged run's last row is the first that is not a number: its weights are not kept.
  if (!racer.rows.empty() && !std::isfinite(racer.rows.back().loss)) {
    racer.divergedAt = static_cast<long>(racer.rows.size()) - 1;
    racer.rows.pop_back();
  }
  // Rows and weights epoch for epoch (a diverged run's last weights have no finite loss).
  const std::size_t n = static_cast<std::size_t>(task.shape.parameterCount());
  racer.rows.resize(std::min(racer.rows.size(), racer.weights.size() / n));
  racer.weights.resize(racer.rows.size() * n);
  return racer;
}
}  // namespace

namespace {
std::string epochLimitProblem(long epochs) {
  return "the window trains at most " + std::to_string(kMaxWindowEpochs) + " epochs (got " +
         std::to_string(epochs) + ")";
}
}  // namespace

void requireWindowScenario(const Scenario& scenario, const std::string& path) {
  if (scenario.task && scenario.steps > kMaxWindowEpochs)
    throw InputError(path + ": " + epochLimitProblem(scenario.steps) +
                     ": `optirace run --scenario " + path + "` trains any number");
}

TaskRace::TaskRace(const Scenario& scenario) {
  if (!scenario.task) throw InputError("the scenario trains no task");
  task_ = findTask(scenario.task->name);
  if (!task_)
    throw InputError("unknown task '" + scenario.task->name + "' (valid: " + taskNameList() + ")");
  if (scenario.steps > kMaxWindowEpochs)
    throw InputError(epochLimitProblem(scenario.steps) +
                     ": `optirace train` or `optirace run --scenario` train any number");
  budget_ = scenario.steps;
  std::vector<const RacerSpec*> enabled;
  for (const RacerSpec& spec : scenario.racers)
    if (spec.enabled) enabled.push_back(&spec);
  racers_.resize(enabled.size());
  // The racers are independent: half of them on a second thread (a window's change retrains
  // them all), the same bits as one after another.
  auto trainFrom = [&](std::size_t first, std::size_t step) {
    for (std::size_t i = first; i < enabled.size(); i += step)
      racers_[i] = train(*task_, *enabled[i], *scenario.task, budget_);
  };
  if (enabled.size() < 2) {
    trainFrom(0, 1);
    return;
  }
  try {
    std::thread other(trainFrom, 1, 2);
    trainFrom(0, 2);
    other.join();
  } catch (const std::system_error&) {  // no second thread to be had: all of them here
    trainFrom(0, 1);
  }
}

void TaskRace::seek(long epoch) {
  shown_ = std::clamp(epoch, 0L, budget_);
}

std::span<const double> TaskRace::weightsAt(int racer, long epoch) const {
  const TaskRacer& r = racers_.at(racer);
  const std::size_t n = static_cast<std::size_t>(parameterCount());
  long last = static_cast<long>(r.weights.size() / n) - 1;
  long k = std::clamp(epoch, 0L, last);
  return std::span<const double>(r.weights).subspan(static_cast<std::size_t>(k) * n, n);
}

const PassResult& TaskRace::rowAt(int racer, long epoch) const {
  const TaskRacer& r = racers_.at(racer);
  return r
      .rows[static_cast<std::size_t>(std::clamp(epoch, 0L, static_cast<long>(r.rows.size()) - 1))];
}

std::string taskRowWords(const TaskRace& race, int i) {
  const TaskRacer& r = race.racers()[i];
  if (r.divergedAt >= 0 && race.shown() >= r.divergedAt)
    return "diverged at epoch " + std::to_string(r.divergedAt);
  const PassResult& row = race.rowAt(i, race.shown());
  char buf[96];
  std::snprintf(buf, sizeof buf, "loss %.3e, %.0f %% right", row.loss, 100 * row.accuracy);
  return buf;
}

}  // namespace optirace
