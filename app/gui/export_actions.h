// What the Export panel and the S key do: screenshots (PNG, rendered offscreen), trajectories
// as CSV, scenarios as JSON. Each reports the saved path or the error in the status bar and
// never loses the user's work.
#pragma once

#include <initializer_list>
#include <string>

#include "app_state.h"

namespace optirace {

class CanvasPainter;
class LossPlotPainter;

// The figure size the current settings ask for.
void exportSizeFor(const AppState& app, int& width, int& height, float& scale);
// `stem`-NNNN with the first NNNN for which no `stem`-NNNN + extension exists, e.g. for
// ("out/sweep", {".png", ".csv"}) "out/sweep-0003" when 0001 and 0002 are taken.
std::string nextFreeBase(const std::string& stem, std::initializer_list<const char*> extensions);
// `folder`/optirace-NNNN.png with the first unused NNNN.
std::string nextScreenshotPath(const std::string& folder);

bool saveScreenshot(AppState& app, CanvasPainter& canvas, LossPlotPainter& plot);
bool saveTrajectoriesCsv(AppState& app, const std::string& path);
bool saveScenario(AppState& app, const std::string& path);
bool loadScenario(AppState& app, const std::string& path);

}  // namespace optirace
