#include "race.h"

#include <algorithm>
#include <stdexcept>

namespace optirace {

namespace {
std::uint64_t nextRaceId() {
  static std::uint64_t counter = 0;
  return ++counter;
}
}  // namespace

Race::Race(const Scenario& scenario) : scenario_(scenario), id_(nextRaceId()) {
  if (scenario.task)
    throw std::invalid_argument("this scenario trains a network (task " + scenario.task->name +
                                "): a TaskRace trains it (the window, `render`, `optirace run "
                                "--scenario FILE`), not a race on a surface");
  racers_.reserve(scenario.racers.size());
  for (const RacerSpec& spec : scenario.racers)
    racers_.emplace_back(spec, scenario.surface, scenario.settings);
}

void Race::advance(long steps) {
  long n = std::min(steps, scenario_.steps - stepsTaken_);
  if (n <= 0) return;
  for (Racer& racer : racers_) {
    if (!racer.spec().enabled) continue;
    for (long i = 0; i < n && racer.status() != RacerStatus::Diverged; ++i) racer.step();
  }
  stepsTaken_ += n;
}

}  // namespace optirace
