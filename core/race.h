// A race: several racers on one surface stepping together, up to a step budget.
#pragma once

#include <vector>

#include "racer.h"
#include "scenario.h"

namespace optirace {

class Race {
 public:
  // Throws std::invalid_argument for an invalid racer (unknown optimizer, bad hyperparameter).
  explicit Race(const Scenario& scenario);

  // Steps every enabled racer up to `steps` more times, never beyond the budget.
  void advance(long steps);

  const Scenario& scenario() const { return scenario_; }
  const Surface& surface() const { return scenario_.surface; }
  const std::vector<Racer>& racers() const { return racers_; }
  long stepsTaken() const { return stepsTaken_; }
  bool finished() const { return stepsTaken_ >= scenario_.steps; }

 private:
  Scenario scenario_;
  std::vector<Racer> racers_;
  long stepsTaken_ = 0;
};

}  // namespace optirace
