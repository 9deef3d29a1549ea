// A race: several racers on one surface stepping together, up to a step budget.
#pragma once

#include <cstdint>
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
  // Distinct for every Race constructed in this process: views that cache what they drew of a
  // race compare it to know a restarted race from the one they drew.
  std::uint64_t id() const { return id_; }

 private:
  Scenario scenario_;
  std::vector<Racer> racers_;
  long stepsTaken_ = 0;
  std::uint64_t id_;
};

}  // namespace optirace
