// What the Export panel and the S key do: screenshots (PNG, rendered offscreen), trajectories
// as CSV, scenarios as JSON. Each reports the saved path or the error in the status bar and
// never loses the user's work.
#pragma once

#include <string>

#include "app_state.h"

namespace optirace {

class CanvasPainter;
class LossPlotPainter;

// The figure size the current settings ask for.
void exportSizeFor(const AppState& app, int& width, int& height, float& scale);
// `folder`/optirace-NNNN.png with the first unused NNNN.
std::string nextScreenshotPath(const std::string& folder);

bool saveScreenshot(AppState& app, CanvasPainter& canvas, LossPlotPainter& plot);
bool saveTrajectoriesCsv(AppState& app, const std::string& path);
bool saveScenario(AppState& app, const std::string& path);
bool loadScenario(AppState& app, const std::string& path);

}  // namespace optirace
