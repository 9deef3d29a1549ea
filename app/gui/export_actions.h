// What the Export panel and the S key do: screenshots (PNG, rendered offscreen), trajectories
// as CSV, scenarios as JSON. Each reports the saved path or the error in the status bar and
// never loses the user's work.
#pragma once

#include <initializer_list>
#include <string>

#include "app_state.h"
#include "figure_export.h"
#include "network/slice_view.h"
#include "task_figure.h"

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
// A task's figure (render/task_figure.h: the decision boundaries, the slice the window shows
// with the paths, and the loss plot under them when the figure has it) at the export size, as
// `extension` ".png", ".svg" or ".pdf".
// A task's figure as the window would export it: its theme, title, threshold, the loss plot
// when the figure has it, at `scale`.
TaskFigureStyle taskFigureStyle(const AppState& app, float scale);
bool saveTaskFigure(AppState& app, FontCache& fonts, const SliceView* slice, const char* extension);
// The figure the screenshot would be, as vectors: `extension` ".svg" or ".pdf".
bool saveVectorFigure(AppState& app, CanvasPainter& canvas, LossPlotPainter& plot,
                      const char* extension);
bool saveTrajectoriesCsv(AppState& app, const std::string& path);
bool saveScenario(AppState& app, const std::string& path);
bool loadScenario(AppState& app, const std::string& path);

}  // namespace optirace
