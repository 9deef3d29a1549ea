// The Sensitivity panel: sweeps run in the background (the window keeps its frame rate) and
// drawn as they stream in: final gap against one hyperparameter for every racer (log-log), a
// 2-D grid over two hyperparameters for the selected racer, or a basin map of start points
// drawn over the canvas. Clicking a result applies that setting to the racer and replays it.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app_state.h"
#include "font_atlas.h"
#include "gl_objects.h"
#include "sensitivity_theory.h"
#include "sweep.h"

namespace optirace {

class SensitivityPanel {
 public:
  explicit SensitivityPanel(FontCache& fonts) : fonts_(fonts) {}
  void draw(AppState& app);
  // The basin map over the canvas (inside the Race window's plot area, leaving `keepClear`,
  // the legend, clear), when shown and computed for the surface shown.
  void drawBasinOverlay(const AppState& app, const std::optional<RectPx>& keepClear);
  // The results were computed for another surface, surface parameters or noise than shown.
  bool stale(const AppState& app) const;
  bool running() const;
  // What the "Run sweep" button does, with the mode chosen here (0 curves, 1 grid, 2 basin):
  // the smoke test drives the panel through this.
  void run(AppState& app, int mode);
  // Cells finished across the last sweep's jobs, and cells in them.
  long cellsDone() const;
  // The last sweep's spec (its first racer's), or null.
  const SweepSpec* lastSpec() const { return jobs_.empty() ? nullptr : &jobs_.front()->spec(); }
  long cellsTotal() const;
  // Writes BASE.png (the figure) and BASE.csv (BASE-N.csv per racer for curves); reports it.
  bool save(AppState& app, const std::string& base);

 private:
  enum class Mode { Curves = 0, Grid = 1, Basin = 2 };
  struct Axis {
    HyperId hyper = HyperId::Lr;
    double lo = 1e-4, hi = 1.0;
    bool logarithmic = true;
    int count = 64;
    std::optional<ScheduleParam> scheduleParam{};  // set: a parameter of the racers' schedules
    std::string surfaceParam{};                    // set: a parameter of the surface
    // The hyperparameter's default sweep range (core's HyperInfo).
    static Axis defaultFor(HyperId id, int count) {
      const HyperInfo& info = hyperInfo(id);
      return {id, info.sweepLo, info.sweepHi, info.logarithmic, count};
    }
    // A schedule parameter's, from the range the Racers panel drags it through.
    static Axis defaultFor(ScheduleParam p, int count) {
      const ScheduleParamInfo& info = scheduleParamInfo(p);
      return {HyperId::Lr, info.dragLo, info.dragHi, info.logarithmic, count, p};
    }
    // A surface parameter's: a decade either side of its value (a log axis) when it is positive,
    // else ±1 about it, within its valid range.
    static Axis defaultFor(const SurfaceParamDef& p, double value, int count);
    std::string label() const;
    SweepAxis sweepAxis() const;
  };
  void start(AppState& app);
  void axisEditor(const char* id, Axis& axis, const Surface& surface);
  void drawCurves(AppState& app);
  void drawGrid(AppState& app);
  void exportResults(AppState& app);
  void basinKey();
  void refreshTexture();

  FontCache& fonts_;
  Mode mode_ = Mode::Curves;
  Axis x_ = Axis::defaultFor(HyperId::Lr, 48);
  Axis y_ = Axis::defaultFor(HyperId::Beta1, 48);
  int basinCount_ = 64;
  long long steps_ = 0;  // 0: the scenario's budget
  int seeds_ = 1;        // noise seeds per cell (SweepSpec::seeds): curves show median and band
  bool showBasin_ = true;
  std::string exportBase_ = "sweep";
  std::vector<std::unique_ptr<SweepJob>> jobs_;
  std::vector<int> jobRacers_;
  Mode jobMode_ = Mode::Curves;
  bool finishReported_ = false;  // the status bar said the last sweep ended
  std::chrono::steady_clock::time_point started_;
  GlTexture texture_;
  std::optional<BowlTheoryOverlay> theoryOverlay_;  // a grid's theory, when it has one
  bool textureComplete_ = false;                    // the last sweep's cells are all in the texture
  double logGapMin_ = 0.0, logGapMax_ = 1.0;        // its colour scale (log10 of the final gap)
};

}  // namespace optirace
