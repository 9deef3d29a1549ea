// One contestant of a race: an optimizer with its hyperparameters descending a surface from a
// start point, with its own noise stream, its status and its kept trajectory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "noise.h"
#include "optimizer.h"
#include "optimizer_run.h"
#include "schedule.h"
#include "surface.h"
#include "trajectory.h"

namespace optirace {

struct RacerSpec {
  std::string label;
  std::string optimizer = "sgd";
  Hyper hyper;
  Vec2 start;
  std::uint32_t colorRgb = 0x0072B2;  // 0xRRGGBB
  bool enabled = true;
  // The label is generatedLabel()'s and follows the hyperparameters (scenario files without a
  // label); false once the user names the racer.
  bool labelIsGenerated = false;
  Schedule schedule{};  // η's schedule over the steps (constant: none)
};

// Why a racer spec cannot run (an unknown optimizer, an invalid hyperparameter or schedule, a
// setting its optimizer does not take), or nothing.
std::optional<std::string> racerSpecProblem(const RacerSpec& spec);

// What every racer of a race shares.
struct RaceSettings {
  double noiseSigma = 0.0;
  std::uint64_t seed = 0;
  double threshold = 1e-6;  // a racer has converged once f − f* < threshold
  ViewBox view;
};

enum class RacerStatus { Running, Converged, Diverged };
const char* statusName(RacerStatus s);

// A racer has diverged when its point or loss stops being finite, or when it lies farther
// than this many view-box sizes from the view's centre.
inline constexpr double kEscapeViewSizes = 100.0;

class Racer {
 public:
  // Throws std::invalid_argument when the optimizer is unknown or a hyperparameter invalid.
  Racer(RacerSpec spec, const Surface& surface, const RaceSettings& settings);

  // One optimizer step; does nothing once diverged. Returns the current point.
  const TrajectoryPoint& step();

  const RacerSpec& spec() const { return spec_; }
  const OptimizerDef& optimizer() const { return *def_; }
  const TrajectoryPoint& current() const { return current_; }
  const OptimizerRun& run() const { return run_; }
  const Trajectory& trajectory() const { return trajectory_; }
  RacerStatus status() const { return status_; }
  long convergedAtStep() const { return convergedAt_; }  // −1: not (yet) below threshold
  long divergedAtStep() const { return divergedAt_; }    // −1: not diverged
  double threshold() const { return settings_.threshold; }

 private:
  TrajectoryPoint measure(long step, Vec2 w) const;
  static const OptimizerDef& checkedOptimizer(const RacerSpec& spec);
  void classify();

  RacerSpec spec_;
  const OptimizerDef* def_;
  Surface surface_;
  RaceSettings settings_;
  double minimumValue_;
  OptimizerRun run_;
  EscapeBound escape_;
  TrajectoryPoint current_;
  Trajectory trajectory_;
  RacerStatus status_ = RacerStatus::Running;
  long convergedAt_ = -1;
  long divergedAt_ = -1;
};

}  // namespace optirace
