// The window's race of optimizers training one task's network (seed 003 §27.5): every enabled
// racer of a task scenario trains from the task's shared initial weights, and the race keeps
// each racer's weights after every epoch (the slice's projected paths, the decision boundary
// at any epoch) and its rows (loss, accuracy). The whole budget is trained when the race is
// made — a few tens of milliseconds for the seed's runs — so that the window plays it back
// epoch by epoch and the slice's principal components come from the whole trajectories, as
// in the literature; `shown` is the epoch the window shows.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "../racer.h"
#include "../scenario.h"
#include "task.h"
#include "training_run.h"

namespace optirace {

// The most epochs the window trains (every epoch's weights are kept: 20 000 epochs of the
// 2-8-1 net are 5 MB per racer); `optirace train` and `run --scenario` take any number.
inline constexpr long kMaxWindowEpochs = 20'000;

// A scenario the window can open (--scenario, Load, the autosave): a surface's, or a task's of
// at most kMaxWindowEpochs epochs. Throws InputError naming the file otherwise.
void requireWindowScenario(const Scenario& scenario, const std::string& path);

struct TaskRacer {
  RacerSpec spec;
  std::vector<PassResult> rows;  // rows[k]: after k epochs, k = 0 … epochs trained
  std::vector<double> weights;   // (epochs trained + 1) × parameterCount, epoch by epoch
  long divergedAt = -1;          // the first epoch whose loss is not a number, or −1
  long epochsTrained() const { return static_cast<long>(rows.size()) - 1; }
};

class TaskRace {
 public:
  // Throws InputError when the scenario names no task or more than kMaxWindowEpochs epochs.
  explicit TaskRace(const Scenario& scenario);

  const TaskDef& task() const { return *task_; }
  const std::vector<TaskRacer>& racers() const { return racers_; }
  int parameterCount() const { return task_->shape.parameterCount(); }
  long budget() const { return budget_; }

  long shown() const { return shown_; }
  void seek(long epoch);  // clamped to 0 … budget
  void advance(long epochs) { seek(shown_ + epochs); }
  bool finished() const { return shown_ >= budget_; }

  // A racer's weights after `epoch` epochs (its last ones where it stopped earlier: diverged).
  std::span<const double> weightsAt(int racer, long epoch) const;
  // Its row at the shown epoch (the last it has).
  const PassResult& rowAt(int racer, long epoch) const;

 private:
  const TaskDef* task_;
  std::vector<TaskRacer> racers_;
  long budget_ = 0, shown_ = 0;
};

// A racer's row at the shown epoch in words: "loss 1.234e-02, 98 % right", or "diverged at
// epoch k" (the window's captions and leaderboard, the figures' captions).
std::string taskRowWords(const TaskRace& race, int racer);

}  // namespace optirace
