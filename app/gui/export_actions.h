// What the Export panel and the S key do: screenshots (PNG, rendered offscreen), trajectories
// as CSV, scenarios as JSON. Each reports the saved path or the error in the status bar and
// never loses the user's work.
#pragma once

#include <initializer_list>
#include <string>

#include "app_state.h"
#include "figure_export.h"

namespace optirace {

class CanvasPainter;
class LossPlotPainter;

// The figure size the current settings ask for.
void exportSizeFor(const AppState& app, int& width, int& height, float& scale);
// `stem`-NNNN with the first NNNN for which no `stem`-NNNN + extension exists, e.g. for
// ("out/sweep", {".png", ".csv"}) "out/sweep-0003" when 0001 and 0002 are taken.
std::string nextFreeBase(const std::string& stem, std::initializer_list<const char*> extensions);
// The export folder's optirace-NNNN`extension` with the first unused NNNN; throws RenderError
// when the folder does not exist.
std::string nextExportPath(const AppState& app, const char* extension);
// What the window shows as a figure (title, view, canvas style, whether the loss plot goes
// beside it and its style); the caller sets the size.
FigureRequest windowFigure(const AppState& app);

bool saveScreenshot(AppState& app, CanvasPainter& canvas, LossPlotPainter& plot);
// A task's views as PNG: the canvas (and the loss plot under it, when the figure has it) read
// back from the window of windowW × windowH px after the frame is drawn, at window size.
bool saveTaskScreenshot(AppState& app, int windowW, int windowH);
// The figure the screenshot would be, as vectors: `extension` ".svg" or ".pdf".
bool saveVectorFigure(AppState& app, CanvasPainter& canvas, LossPlotPainter& plot,
                      const char* extension);
bool saveTrajectoriesCsv(AppState& app, const std::string& path);
bool saveScenario(AppState& app, const std::string& path);
bool loadScenario(AppState& app, const std::string& path);

}  // namespace optirace
