// Everything the window edits and shows. Panels change `scenario`; any change restarts the race
// from the start (restartRace), as a lecturer expects when dragging a slider.
#pragma once

#include <memory>
#include <string>

#include "canvas_painter.h"
#include "loss_plot_painter.h"
#include "race.h"
#include "scenario.h"

namespace optirace {

enum class ExportSize { Window, Double, Custom };

struct UiSettings {
  float uiScale = 1.0f;
  bool lightTheme = false;
  CanvasStyle canvas;
  LossPlotStyle plot;
  std::string exportFolder = ".";
  ExportSize exportSize = ExportSize::Double;
  int customWidth = 3840, customHeight = 2160;
  bool exportWithPlot = true;
};

struct AppState {
  Scenario scenario;
  std::unique_ptr<Race> race;
  ViewBox camera;  // what the canvas shows; reset to the scenario's view
  bool playing = false;
  int stepsPerFrame = 5;
  int selectedRacer = 0;
  UiSettings settings;
  std::string statusLine;  // the last saved path or the last error, shown in the status bar
  bool statusIsError = false;
  bool showHelp = false;
  bool showSensitivity = false;
  std::string scenarioPath = "scenario.json";
  std::string csvPath = "trajectories.csv";
  // Where the canvas and the plot are painted this frame (window pixels; the canvas's size is
  // also the "window size" of exports), and their mapping as painted last frame (for the mouse).
  bool canvasVisible = false, plotVisible = false;
  RectPx canvasRect, plotRect;
  CanvasTransform canvasView;
  PlotTransform plotView;
  bool screenshotRequested = false;

  // Rebuilds the race from the scenario (a change restarts it). Keeps the old race and reports
  // the problem if the scenario is invalid.
  void restartRace();
  void setScenario(Scenario s);  // also resets the camera and the selection
  void report(std::string message, bool error);
};

}  // namespace optirace
