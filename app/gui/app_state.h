// Everything the window edits and shows. Panels change `scenario`; any change restarts the race
// from the start (restartRace), as a lecturer expects when dragging a slider.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "canvas_painter.h"
#include "edit_history.h"
#include "file_browser.h"
#include "loss_plot_painter.h"
#include "network/task_race.h"
#include "panel_layout.h"
#include "race.h"
#include "scenario.h"
#include "typed_surface_editor.h"

namespace optirace {

enum class ExportSize { Window, Double, Custom };

// The UI scale's range (Ctrl +/−, View → UI scale, --scale, settings.json): 50 % for a tiny
// window that must still show everything, 300 % for a 4K projector seen from the back row.
inline constexpr float kMinUiScale = 0.5f, kMaxUiScale = 3.0f;

// The Export panel's video: its format, size (one of kVideoSizes), frame rate and the race's
// length in it (a 1 s hold on the final frame follows).
struct VideoSettings {
  bool gif = false;  // MP4 otherwise
  int size = 1;
  int fps = 30;
  double seconds = 8;
};
struct VideoSize {
  int width, height;
  const char* label;
};
inline constexpr VideoSize kVideoSizes[] = {{1280, 720, "1280 × 720"},
                                            {1920, 1080, "1920 × 1080"},
                                            {3840, 2160, "3840 × 2160"},
                                            {800, 500, "800 × 500"}};

struct UiSettings {
  float uiScale = 1.0f;       // kMinUiScale … kMaxUiScale
  bool uiScaleSaved = false;  // read from settings.json (else chosen for the screen)
  bool lightTheme = false;
  CanvasStyle canvas;
  LossPlotStyle plot;
  std::string exportFolder = ".";
  ExportSize exportSize = ExportSize::Double;
  int customWidth = 3840, customHeight = 2160;
  bool exportWithPlot = true;
  VideoSettings video;
  std::optional<LayoutSplits> layout;  // where the user dragged the panels' edges
  bool presentLeaderboard = true;      // presentation mode shows the leaderboard too
  bool exportPanel = true;             // the Export panel, where the window is tall enough
  bool learningRateStrip = true;       // ηₜ under the loss plot, when some racer is scheduled
};

struct AppState {
  Scenario scenario;
  // What the scenario races: optimizers on its surface, or (a scenario with a task) training
  // the task's network; exactly one of the two is set once a scenario has started.
  std::unique_ptr<Race> race;
  std::unique_ptr<TaskRace> taskRace;
  int taskRaceVersion = 0;  // counts task races made, so that views know theirs is stale
  ViewBox camera;           // what the canvas shows; reset to the scenario's view
  bool playing = false;
  int stepsPerFrame = 5;
  int selectedRacer = 0;
  UiSettings settings;
  std::string statusLine;  // the last saved path or the last error, shown in the status bar
  bool statusIsError = false;
  bool errorDismissed = false;  // the error panel closed; the status bar keeps the line
  PanelLayout layout;
  bool presenting = false;  // presentation mode: canvas and plots fill the screen
  bool resetLayoutRequested = false;
  EditHistory history;
  FileBrowser files;  // the Load / Save picker
  bool titleTypedByUser = false;
  bool autosaving = false;  // every change of the scenario is written to autosave.json  // the
                            // title stays as typed; otherwise edits regenerate it
  bool showHelp = false;
  bool showSensitivity = false;
  bool showInspector = false;            // the step inspector (I)
  StepArrowStyle arrows{.shown = true};  // its arrows on the canvas, while it is open
  View3DStyle view3d;                    // the canvas as a 3-D view (V), its camera
  std::string scenarioPath = "scenario.json";
  std::string csvPath = "trajectories.csv";
  TypedEditorState typedEditor;  // the Scenario panel's formula box
  // Where the canvas and the plot are painted this frame (window pixels; the canvas's size is
  // also the "window size" of exports), and their mapping as painted last frame (for the mouse).
  bool canvasVisible = false, plotVisible = false;
  RectPx canvasRect, plotRect;
  CanvasTransform canvasView;
  PlotTransform plotView;
  bool screenshotRequested = false;
  const char* vectorFigureRequested = nullptr;  // ".svg" or ".pdf": saved after this frame
  // The video being made in the background (frame_loop drives it), as the panel shows it.
  struct VideoProgress {
    bool running = false;
    long encoded = 0, frames = 0;
    std::string path;
  } video;
  bool videoRequested = false, videoCancelRequested = false;

  // Rebuilds the race from the scenario (a change restarts it). Keeps the old race and reports
  // the problem if the scenario is invalid.
  void restartRace();
  // Shows the race as it stood after k steps (0 … the budget): forwards by stepping on, back by
  // running it again from the start (the engine is deterministic, so it is the same race).
  void seekStep(long k);
  // The step (an epoch, training a task) shown, taking n more, and whether the budget is done.
  long stepShown() const;
  void stepOn(long n);
  bool raceFinished() const;
  // R and Reset: a surface's race run again from its start (what it has drawn is dropped), a
  // task's first epoch shown (every epoch is kept).
  void backToStart();
  // After the user edited the scenario: generated labels and the title follow the edit, and
  // the race restarts.
  void edited();
  void setScenario(Scenario s);  // also resets the camera and the selection
  // Back to the scenario before the last edit (or forward again); the camera stays unless the
  // view changed.
  void undo();
  void redo();
  void report(std::string message, bool error);
  void clearError();
  // The UI scale in effect: the user's, and half as much again in presentation mode so that
  // text and lines read from the back of a lecture hall.
  float effectiveScale() const;  // the problem reported last is resolved
  // The canvas as the window shows it (and S exports it): the settings' style with the theme,
  // the inspector's arrows for the selected racer while it is open, and the 3-D view.
  CanvasStyle canvasStyle() const;
};

}  // namespace optirace
