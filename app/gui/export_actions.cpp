#include "export_actions.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "figure_export.h"
#include "network/training_csv.h"
#include "race_csv.h"
#include "vector_figure.h"

namespace optirace {

void exportSizeFor(const AppState& app, int& width, int& height, float& scale) {
  const UiSettings& s = app.settings;
  int baseW = std::max(static_cast<int>(app.canvasRect.w), 320);
  int baseH = std::max(static_cast<int>(app.canvasRect.h), 200);
  if (s.exportWithPlot) baseW = baseW * 5 / 3;  // the plot takes 40 % beside the canvas
  switch (s.exportSize) {
    case ExportSize::Window:
      width = baseW, height = baseH, scale = s.uiScale;
      break;
    case ExportSize::Double:
      width = 2 * baseW, height = 2 * baseH, scale = 2 * s.uiScale;
      break;
    case ExportSize::Custom:
      width = s.customWidth, height = s.customHeight;
      scale = s.uiScale * std::max(1.0f, s.customHeight / static_cast<float>(baseH));
      break;
  }
  width = std::clamp(width, 16, kMaxExportWidth);
  height = std::clamp(height, 16, kMaxExportHeight);
}

std::string nextFreeBase(const std::string& stem, std::initializer_list<const char*> extensions) {
  for (int n = 1; n < 100000; ++n) {
    char number[16];
    std::snprintf(number, sizeof number, "-%04d", n);
    std::string base = stem + number;
    bool free = true;
    for (const char* ext : extensions) free = free && !std::filesystem::exists(base + ext);
    if (free) return base;
  }
  return stem + "-overflow";
}

std::string nextExportPath(const AppState& app, const char* extension) {
  const std::string& folder = app.settings.exportFolder;
  if (!std::filesystem::is_directory(folder))
    throw RenderError("the export folder '" + folder + "' does not exist");
  return nextFreeBase((std::filesystem::path(folder) / "optirace").string(), {extension}) +
         extension;
}

FigureRequest windowFigure(const AppState& app) {
  FigureRequest request;
  request.withLossPlot = app.settings.exportWithPlot;
  request.title = app.scenario.title;
  request.camera = app.camera;
  request.canvas = app.canvasStyle();
  request.plot = app.settings.plot;
  request.plot.lightTheme = app.settings.lightTheme;
  return request;
}

bool saveScreenshot(AppState& app, CanvasPainter& canvas, LossPlotPainter& plot) {
  if (!app.race) return false;
  FigureRequest request = windowFigure(app);
  exportSizeFor(app, request.widthPx, request.heightPx, request.scale);
  try {
    std::string path = nextExportPath(app, ".png");
    auto started = std::chrono::steady_clock::now();
    writePng(renderFigure(canvas, plot, *app.race, request), path);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char message[512];
    std::snprintf(message, sizeof message, "saved %s (%dx%d, %.2f s)", path.c_str(),
                  request.widthPx, request.heightPx, seconds);
    app.report(message, false);
    return true;
  } catch (const std::exception& e) {
    app.report(std::string("screenshot not saved: ") + e.what(), true);
    return false;
  }
}

TaskFigureStyle taskFigureStyle(const AppState& app, float scale) {
  return {.scale = scale,
          .lightTheme = app.settings.lightTheme,
          .withLossPlot = app.settings.exportWithPlot,
          .logY = app.settings.plot.logY,  // as the Loss panel shows it
          .title = app.scenario.title,
          .threshold = app.scenario.settings.threshold};
}

bool saveTaskFigure(AppState& app, FontCache& fonts, const SliceView* slice,
                    const char* extension) {
  if (!app.taskRace) return false;
  if (!slice) {
    app.report("figure not saved: the slice is still being computed; try again", true);
    return false;
  }
  // The export size as for a surface's figure, the loss plot under the views instead of beside.
  int width = 0, height = 0;
  float scale = 1;
  exportSizeFor(app, width, height, scale);
  if (app.settings.exportWithPlot && app.settings.exportSize != ExportSize::Custom) {
    width = width * 3 / 5;
    height = std::min(height * 3 / 2, kMaxExportHeight);
  }
  TaskFigureStyle style = taskFigureStyle(app, scale);
  try {
    std::string path = nextExportPath(app, extension);
    auto started = std::chrono::steady_clock::now();
    writeTaskFigure(fonts, *app.taskRace, *slice, style, width, height, path);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char message[512];
    std::snprintf(message, sizeof message, "saved %s (%dx%d, %.2f s)", path.c_str(), width, height,
                  seconds);
    app.report(message, false);
    return true;
  } catch (const std::exception& e) {
    app.report(std::string("figure not saved: ") + e.what(), true);
    return false;
  }
}

bool saveVectorFigure(AppState& app, CanvasPainter& canvas, LossPlotPainter& plot,
                      const char* extension) {
  if (!app.race) return false;
  FigureRequest request = windowFigure(app);
  exportSizeFor(app, request.widthPx, request.heightPx, request.scale);
  try {
    std::string path = nextExportPath(app, extension);
    writeVectorFigure(canvas, plot, *app.race, request, path);
    app.report("saved " + path, false);
    return true;
  } catch (const std::exception& e) {
    app.report(std::string("figure not saved: ") + e.what(), true);
    return false;
  }
}

bool saveTrajectoriesCsv(AppState& app, const std::string& path) {
  std::string temp = path + ".partial";
  try {
    {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      if (!out) throw InputError("cannot create " + path);
      if (app.scenario.task)  // every racer's rows up to the epoch shown, as `run --scenario`
        writeTaskRaceCsv(app.scenario, app.stepShown(), out);
      else
        writeRaceCsv(app.scenario, app.race ? app.race->stepsTaken() : 0, out);
      if (!out.flush()) throw InputError("cannot write " + path);
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) throw InputError("cannot write " + path);
    app.report("saved " + path, false);
    return true;
  } catch (const std::exception& e) {
    std::remove(temp.c_str());
    app.report(std::string("trajectories not saved: ") + e.what(), true);
    return false;
  }
}

bool saveScenario(AppState& app, const std::string& path) {
  try {
    Scenario s = app.scenario;
    s.settings.view = app.camera;  // what the lecturer is looking at is what they save
    saveScenarioFile(s, path);
    app.report("saved " + path, false);
    return true;
  } catch (const InputError& e) {
    app.report(std::string("scenario not saved: ") + e.what(), true);
    return false;
  }
}

bool loadScenario(AppState& app, const std::string& path) {
  try {
    Scenario loaded = loadScenarioFile(path);
    requireWindowScenario(loaded, path);
    app.setScenario(std::move(loaded));
    app.report("loaded " + path, false);
    return true;
  } catch (const InputError& e) {
    app.report(std::string("scenario not loaded (nothing changed): ") + e.what(), true);
    return false;
  }
}

}  // namespace optirace
