// The window's panels. Each draws one ImGui window from AppState and edits only the scenario
// and UI settings; a scenario change restarts the race (AppState::restartRace).
#pragma once

#include <vector>

#include "app_state.h"
#include "presets.h"

namespace optirace {

class CanvasPainter;
class LossPlotPainter;
class Framebuffer;

// A floating window's place when it appears, as fractions of the canvas's panel.
void placeFloating(const AppState& app, float x, float y, float w, float h);
// The menu bar (nothing in presentation mode) and what its file picker chose; its height.
float drawMainMenu(AppState& app, const std::vector<Preset>& presets);

void drawScenarioPanel(AppState& app, const std::vector<Preset>& presets);
void drawRacersPanel(AppState& app);
void drawLeaderboard(AppState& app);
// These two lay out their windows and take input; runFrame paints them behind ImGui.
void drawCanvasWindow(AppState& app);
void drawLossPlotWindow(AppState& app);
// The canvas toolbar's Play/Pause, Step and Reset, and its steps (epochs) per frame.
void playbackButtons(AppState& app);
void speedSlider(AppState& app);
// A racer's colour as a small square before its label (then on the same line).
void racerSwatch(std::uint32_t rgb);
// Under the canvas: the step (epoch) shown, dragged to any of the budget; pauses the race.
void drawTimeline(AppState& app);
// The leaderboard while a task trains (task_leaderboard.cpp): loss, accuracy, epochs to the
// threshold; drawLeaderboard calls it inside its window.
void drawTaskLeaderboard(AppState& app);
void drawExportPanel(AppState& app);
// Shortcuts: Space, →, ←, R, S, 1–9 and 0, P/F11, I, V, Ctrl Z, Ctrl +/−, F1, F2; ignored while a
// widget has the keyboard (a text field, a held slider, an open combo or popup).
void handleShortcuts(AppState& app, const std::vector<Preset>& presets);
// The window's key callback feeds this (ImGui's backend chains to it).
void recordKeyPress(int key, int action, int mods);
void drawHelpWindow(AppState& app);
// The step inspector: the selected racer's next step, line by line, and its arrows' toggles.
void drawStepInspector(AppState& app);
// The status bar (in presentation mode, a hint how to leave it, in a strip of
// presentationHintHeight() below the panels); returns its height.
float drawStatusBar(AppState& app);
float presentationHintHeight();
// The last problem in full, wrapped, above the status bar until dismissed or resolved.
void drawProblemPanel(AppState& app);

}  // namespace optirace
