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

// On first use (no imgui.ini yet), a window's rectangle as fractions of the main window, so the
// default layout fills any window size at any UI scale.
void placeFirstTime(float x, float y, float w, float h);

void drawScenarioPanel(AppState& app, const std::vector<Preset>& presets);
void drawRacersPanel(AppState& app);
void drawLeaderboard(AppState& app);
// These two lay out their windows and take input; runFrame paints them behind ImGui.
void drawCanvasWindow(AppState& app);
void drawLossPlotWindow(AppState& app);
void drawExportPanel(AppState& app);
// Shortcuts: Space, →, R, S, 1–8, Ctrl +/−, F1; ignored while typing into a field.
void handleShortcuts(AppState& app, const std::vector<Preset>& presets);
// The window's key callback feeds this (ImGui's backend chains to it).
void recordKeyPress(int key, int action, int mods);
void drawHelpWindow(AppState& app);
void drawStatusBar(AppState& app);

}  // namespace optirace
