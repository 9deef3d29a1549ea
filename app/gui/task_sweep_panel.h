// The Sensitivity window (F2) while a task trains: seed 003's Exercise 27.4 — every racer trained
// at each η of a log grid (by default the seed's 10⁻⁴ … 1), its final loss plotted against η,
// log-log, one line per racer. It runs in the background; the window keeps its frame rate.
#pragma once

#include <atomic>
#include <future>
#include <optional>
#include <string>

#include "app_state.h"
#include "network/task_sweep.h"
#include "plot_frame.h"

namespace optirace {

class TaskSweepPanel {
 public:
  ~TaskSweepPanel();
  void draw(AppState& app);
  void run(const AppState& app);  // what "Run" does (the smoke test drives it)
  bool running() const { return future_.valid(); }
  const std::optional<TaskLrSweep>& result() const { return result_; }
  // Waits for a running sweep to finish (tests), then takes its result.
  void finish();
  // "Save": the CSV at once, and the plot as PNG beside it (the same name, .png) once the frame
  // that shows it is drawn: servicePicture, after the frame, reads it from the window.
  void save(AppState& app);
  void servicePicture(AppState& app, int windowW, int windowH);
  const std::string& csvPath() const { return csvPath_; }
  void setCsvPath(std::string path) { csvPath_ = std::move(path); }

 private:
  void poll();
  void plot(const AppState& app);
  bool saveCsv(AppState& app);
  std::string pngPath() const;

  double lo_ = 1e-4, hi_ = 1.0;
  int count_ = 5;  // the seed's five: 0.0001, 0.001, 0.01, 0.1, 1.0
  std::future<TaskLrSweep> future_;
  std::atomic<int> cellsDone_{0};
  std::atomic<bool> stop_{false};
  int cellsTotal_ = 0;
  std::optional<TaskLrSweep> result_;
  Scenario sweptScenario_;  // what the result was computed for
  std::string csvPath_ = "lr-sensitivity.csv";
  RectPx plotRect_;  // where the plot was drawn last (window pixels)
  bool picturePending_ = false;
};

}  // namespace optirace
