// A scenario: everything needed to replay a race, and what scenario files hold.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "racer.h"
#include "surface.h"

namespace optirace {

inline constexpr int kScenarioVersion = 1;
inline constexpr long kMaxSteps = 1'000'000'000;

// What a scenario trains instead of racing on its surface: a task's network
// (core/network/task.h, ENGINE's surfaces aside). Its racers all start from the task's shared
// initial weights; `steps` counts epochs and the threshold is a loss.
struct TaskSetup {
  std::string name;        // "xor", "circle"
  int batchSize = 0;       // samples per step; 0: the whole data set
  std::uint64_t seed = 0;  // the mini-batches' shuffle
  bool operator==(const TaskSetup&) const = default;
};

struct Scenario {
  std::string title;  // shown above the canvas and in exported figures; may be empty
  // The title is generatedTitle()'s and follows the scenario (files without a title).
  bool titleIsGenerated = false;
  Surface surface{*allSurfaces().front()};  // unused when task is set
  std::optional<TaskSetup> task;
  RaceSettings settings;
  long steps = 100;  // the step budget
  std::vector<RacerSpec> racers;
};

// A problem with user input (a scenario file, a command-line value), with a message that
// names the field and what is valid. Caught at the boundary and shown to the user.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses and validates a scenario; throws InputError naming the first problem by JSON path,
// e.g. "$.racers[1].hyper.lr: lr must satisfy lr > 0 (got -1)".
Scenario scenarioFromJson(const std::string& text);
std::string scenarioToJson(const Scenario& scenario);

// A file over 16 MB is refused before it is read (the largest sensible scenario, 64 racers on a
// 1 MB expression, is about 1 MB; a mistaken 100 MB file must not stall the window).
Scenario loadScenarioFile(const std::string& path);                        // throws InputError
void saveScenarioFile(const Scenario& scenario, const std::string& path);  // throws InputError

// The colour-blind-safe palette (Okabe & Ito) racers are given in turn.
std::uint32_t paletteColor(std::size_t index);
std::string formatColor(std::uint32_t rgb);  // "#rrggbb"

// A default scenario for a surface: its view and start, one racer of each listed optimizer.
Scenario defaultScenario(const SurfaceDef& surface, const std::vector<std::string>& optimizers);

}  // namespace optirace
