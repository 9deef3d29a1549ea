#include "settings_store.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "video_timeline.h"

namespace optirace {

std::string configDirectory() {
  namespace fs = std::filesystem;
  if (const char* dir = std::getenv("OPTIRACE_CONFIG_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return (fs::path(xdg) / "optirace").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".config" / "optirace").string();
  return "";
}

void loadUiSettings(UiSettings& s, std::string& problem) {
  std::string dir = configDirectory();
  if (dir.empty()) return;
  std::ifstream in(std::filesystem::path(dir) / "settings.json");
  if (!in) return;
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    s.uiScale = std::clamp(j.value("ui_scale", s.uiScale), kMinUiScale, kMaxUiScale);
    s.uiScaleSaved = j.contains("ui_scale");
    s.lightTheme = j.value("light_theme", s.lightTheme);
    s.canvas.heatmap.colormap = static_cast<Colormap>(std::clamp(j.value("colormap", 0), 0, 3));
    s.canvas.equalAspect = j.value("equal_scale", s.canvas.equalAspect);
    s.canvas.stepDots = j.value("step_dots", s.canvas.stepDots);
    s.plot.logY = j.value("log_loss", s.plot.logY);
    s.learningRateStrip = j.value("learning_rate_strip", s.learningRateStrip);
    s.exportFolder = j.value("export_folder", s.exportFolder);
    s.exportSize = static_cast<ExportSize>(std::clamp(j.value("export_size", 1), 0, 2));
    s.customWidth = std::clamp(j.value("export_width", s.customWidth), 16, 7680);
    s.customHeight = std::clamp(j.value("export_height", s.customHeight), 16, 4320);
    s.exportWithPlot = j.value("export_with_plot", s.exportWithPlot);
    s.video.gif = j.value("video_gif", s.video.gif);
    s.video.size = std::clamp(j.value("video_size", s.video.size), 0,
                              static_cast<int>(std::size(kVideoSizes)) - 1);
    s.video.fps = std::clamp(j.value("video_fps", s.video.fps), 1, kMaxVideoFps);
    s.video.seconds = std::clamp(j.value("video_seconds", s.video.seconds), 0.1, kMaxVideoSeconds);
    s.presentLeaderboard = j.value("present_leaderboard", s.presentLeaderboard);
    s.exportPanel = j.value("export_panel", s.exportPanel);
    if (j.contains("layout")) {  // fractions of the work area; PanelLayout clamps them to fit
      const nlohmann::json& l = j.at("layout");
      LayoutSplits splits{l.at("left_column").get<float>(), l.at("left_column_split").get<float>(),
                          l.at("canvas_bottom").get<float>(), l.at("loss_right").get<float>(),
                          l.at("board_bottom").get<float>()};
      bool finite = true;
      for (float f : {splits.leftColumn, splits.leftColumnSplit, splits.canvasBottom,
                      splits.lossRight, splits.boardBottom})
        finite = finite && std::isfinite(f) && f > 0 && f < 1;
      if (finite)
        s.layout = splits;
      else
        problem = "settings.json: the saved layout was not a set of fractions; the default is used";
    }
  } catch (const std::exception& e) {
    problem = "settings.json ignored (" + std::string(e.what()) + ")";
  }
}

void saveUiSettings(const UiSettings& s) {
  std::string dir = configDirectory();
  if (dir.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  nlohmann::json j = {{"ui_scale", s.uiScale},
                      {"light_theme", s.lightTheme},
                      {"colormap", static_cast<int>(s.canvas.heatmap.colormap)},
                      {"equal_scale", s.canvas.equalAspect},
                      {"step_dots", s.canvas.stepDots},
                      {"log_loss", s.plot.logY},
                      {"learning_rate_strip", s.learningRateStrip},
                      {"export_folder", s.exportFolder},
                      {"export_size", static_cast<int>(s.exportSize)},
                      {"export_width", s.customWidth},
                      {"export_height", s.customHeight},
                      {"export_with_plot", s.exportWithPlot},
                      {"video_gif", s.video.gif},
                      {"video_size", s.video.size},
                      {"video_fps", s.video.fps},
                      {"video_seconds", s.video.seconds},
                      {"present_leaderboard", s.presentLeaderboard},
                      {"export_panel", s.exportPanel}};
  if (s.layout)
    j["layout"] = {{"left_column", s.layout->leftColumn},
                   {"left_column_split", s.layout->leftColumnSplit},
                   {"canvas_bottom", s.layout->canvasBottom},
                   {"loss_right", s.layout->lossRight},
                   {"board_bottom", s.layout->boardBottom}};
  std::ofstream(std::filesystem::path(dir) / "settings.json") << j.dump(2) << "\n";
}

}  // namespace optirace
