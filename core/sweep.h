// Hyperparameter sensitivity: one optimizer on one surface from one start, run for a fixed
// budget at every point of a 1-D or 2-D grid over any two of η, β₁, β₂, ε, λ, the clipping norm,
// the schedule's parameters and the surface's parameters — or over start points (a basin map).
// Every cell is an OptimizerRun, the very stepping a racer does, so a cell's numbers equal a race's
// with the same settings exactly.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "optimizer.h"
#include "scenario.h"
#include "schedule.h"
#include "surface.h"
#include "sweep_axis.h"
#include "sweep_isa.h"

namespace optirace {

struct SweepSpec {
  Surface surface{*allSurfaces().front()};
  std::string optimizer = "adam";
  Hyper hyper;          // the fixed values; the swept ones are overwritten per cell
  Schedule schedule{};  // likewise (a swept parameter need not be given)
  Vec2 start;
  long steps = 1000;
  RaceSettings settings;  // noise σ, seed, threshold, view (for divergence)
  SweepAxis x;
  std::optional<SweepAxis> y;
  // Noise seeds per cell: each cell runs for seeds settings.seed … settings.seed + seeds − 1 and
  // reports the spread of the final gap (SweepCell). 1: the one seed, as a race.
  int seeds = 1;

  int cellCount() const { return x.count * (y ? y->count : 1); }
  // The racer a cell equals: the spec's hyperparameters and start with the cell's values.
  RacerSpec cellRacer(int ix, int iy) const;

  // Surface parameters as axes: each value (pair of values) is a surface of its own, with its
  // own f* and minimizers (a typed surface's found by its search).
  bool sweepsSurface() const { return x.isSurfaceParam() || (y && y->isSurfaceParam()); }
  int surfaceCount() const;                   // distinct surfaces of the grid (1: none swept)
  int surfaceIndex(int ix, int iy) const;     // which of them a cell descends
  Surface cellSurface(int ix, int iy) const;  // the surface with the cell's values
};

inline constexpr int kMaxSweepSeeds = 1000;

// The setting of a sweep a problem lies in. Core words it for any front end ("x axis: …");
// the command line names its flag instead (--x), the window its control.
enum class SweepSetting { Optimizer, XAxis, YAxis, Hyperparameters, Schedule, Steps, Seeds };
const char* sweepSettingName(SweepSetting setting);  // "x axis", "schedule", …

class SweepSettingError : public InputError {
 public:
  SweepSettingError(SweepSetting setting, const std::string& problem)
      : InputError(std::string(sweepSettingName(setting)) + ": " + problem),
        setting_(setting),
        problem_(problem) {}
  SweepSetting setting() const { return setting_; }
  const std::string& problem() const { return problem_; }  // without the setting's name

 private:
  SweepSetting setting_;
  std::string problem_;
};

// Throws SweepSettingError when the spec is invalid (unknown optimizer, an axis the optimizer
// does not use, a grid value out of range, both axes the same quantity, …).
void validateSweep(const SweepSpec& spec);

struct SweepCell {
  Vec2 finalW;
  double finalLoss = 0, finalGap = 0, bestGap = 0;
  long stepsToThreshold = -1;  // −1: never below the threshold
  long divergedStep = -1;      // −1: did not diverge
  int minimizer = -1;  // basin maps: index of the global minimizer nearest the end, −1 if none near
  // Over several seeds (SweepSpec::seeds > 1): finalGap is the median of the runs' final gaps
  // and these its 10 % and 90 % quantiles (linear interpolation between ranks, as NumPy's
  // default; a diverged run counts as +∞); every other field is the run whose final gap has
  // rank ⌊(K − 1)/2⌋ (the median run when K is odd). With one seed both equal finalGap.
  double finalGapP10 = 0, finalGapP90 = 0;
};

// The cell over several seeds from one run per seed (runs[k] with seed settings.seed + k).
SweepCell combineSeeds(std::vector<SweepCell> runs);

// Runs one cell on the race engine's own stepping (the reference the fast kernel must equal).
SweepCell runSweepCell(const SweepSpec& spec, int ix, int iy);
// The same on the cell's surface made already (spec.cellSurface(ix, iy)).
SweepCell runSweepCellOn(const SweepSpec& spec, const Surface& surface, int ix, int iy);
// Index of the global minimizer of spec.surface nearest to w if it lies within 5 % of the view's
// size, or −1.
int nearestMinimizer(const SweepSpec& spec, Vec2 w);
int nearestMinimizer(const Surface& surface, const ViewBox& view, Vec2 w);

// A sweep running on worker threads in chunks of cells; a cell can be read once cellDone().
class SweepJob {
 public:
  // Validates (throws InputError), then starts. kernel: the vectorised kernel's instruction set
  // (one this processor runs); std::nullopt runs every cell on the engine's own stepping (for
  // tests and comparisons).
  // onChunk, when given, is called on the worker thread after each chunk of cells [begin, end)
  // is computed (e.g. to format them while other chunks still run).
  using ChunkHook =
      std::function<void(const SweepSpec& spec, int begin, int end, const SweepCell* cells)>;
  SweepJob(SweepSpec spec, int threads, std::optional<SweepIsa> kernel = bestSweepIsa(),
           ChunkHook onChunk = {});
  ~SweepJob();  // cancels and joins
  SweepJob(const SweepJob&) = delete;
  SweepJob& operator=(const SweepJob&) = delete;

  void cancel() { cancelled_ = true; }
  void wait();
  bool finished() const { return doneCells_.load() == spec_.cellCount(); }
  bool cancelled() const { return cancelled_.load(); }
  double progress() const { return double(doneCells_.load()) / spec_.cellCount(); }
  // Seconds from the start to the last cell done (the sweep's own time, no output).
  double secondsToFinish() const { return secondsToFinish_.load(); }
  const SweepSpec& spec() const { return spec_; }
  bool cellDone(int ix, int iy) const {
    return done_[static_cast<size_t>(iy) * spec_.x.count + ix].load();
  }
  const SweepCell& cell(int ix, int iy) const {
    return cells_[static_cast<size_t>(iy) * spec_.x.count + ix];
  }

  static constexpr int kChunk = 32;  // cells a worker takes at a time (and finishes when cancelled)

  // The surface a cell descends: spec().surface, or with a swept surface parameter the cell's
  // own, made (its minimum searched) once by the first worker that needs it.
  const Surface& cellSurface(int ix, int iy);

 private:
  void work();
  void runChunk(const SweepSpec& spec, int begin, int end, SweepCell* out);
  void runSweptSurfaces(const SweepSpec& spec, int begin, int end, SweepCell* out);

  SweepSpec spec_;
  std::vector<SweepCell> cells_;
  std::unique_ptr<std::atomic<bool>[]> done_;
  std::atomic<int> nextChunk_{0};
  std::atomic<long> doneCells_{0};
  std::atomic<bool> cancelled_{false};
  std::atomic<double> secondsToFinish_{0.0};
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::optional<SweepIsa> kernel_;
  ChunkHook onChunk_;
  std::vector<std::unique_ptr<Surface>> surfaces_;  // by SweepSpec::surfaceIndex, when swept
  std::unique_ptr<std::once_flag[]> surfaceMade_;
  std::vector<std::thread> workers_;
};

}  // namespace optirace
