// libFuzzer target: a scenario file's text (what people mail each other). Any text is either
// refused with an InputError or gives a scenario that (1) reads back from its own JSON as the
// same scenario and (2) races: every racer's point and loss finite, or the racer flagged
// diverged (a task's scenario: trains, every kept row's loss and weights finite, a racer
// stopped early only where it diverged). Anything else (a crash, another exception, a
// sanitizer report) is a finding.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "network/task_race.h"
#include "race.h"
#include "scenario.h"

using namespace optirace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  Scenario scenario;
  try {
    scenario = scenarioFromJson(text);
  } catch (const InputError&) {
    return 0;  // refused, with a message: what bad input should get
  }
  std::string once = scenarioToJson(scenario);
  if (scenarioToJson(scenarioFromJson(once)) != once) std::abort();  // not a fixed point

  if (scenario.task) {
    Scenario first = scenario;  // the first epochs: enough to reach every path, and quick
    first.steps = std::min(first.steps, 16L);
    TaskRace race(first);
    for (const TaskRacer& r : race.racers()) {
      for (const PassResult& row : r.rows)
        if (!std::isfinite(row.loss)) std::abort();
      for (double w : r.weights)
        if (!std::isfinite(w)) std::abort();
      if (r.epochsTrained() < first.steps && r.divergedAt < 0) std::abort();
    }
    return 0;
  }
  Race race(scenario);
  for (int i = 0; i < 16 && !race.finished(); ++i) race.advance(1);
  for (const Racer& racer : race.racers()) {
    const TrajectoryPoint& p = racer.current();
    bool finite = std::isfinite(p.w.x) && std::isfinite(p.w.y) && std::isfinite(p.loss);
    if (!finite && racer.status() != RacerStatus::Diverged) std::abort();  // NaN not flagged
  }
  return 0;
}
