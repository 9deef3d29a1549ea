// The menu bar: File (scenarios, trajectories, screenshot, vector figures, video), Edit (undo,
// redo), View (layout, presentation mode, panels, theme, colour map, UI scale) and Presets.
#include <imgui.h>

#include <cstdio>

#include "export_actions.h"
#include "panels.h"

namespace optirace {

namespace {
void fileMenu(AppState& app) {
  if (!ImGui::BeginMenu("File")) return;
  if (ImGui::MenuItem("Load scenario…"))
    app.files.open(FileBrowser::Purpose::LoadScenario, app.scenarioPath);
  if (ImGui::MenuItem("Save scenario as…"))
    app.files.open(FileBrowser::Purpose::SaveScenario, app.scenarioPath);
  if (ImGui::MenuItem("Save trajectories (CSV) as…"))
    app.files.open(FileBrowser::Purpose::SaveTrajectories, app.csvPath);
  ImGui::Separator();
  if (ImGui::MenuItem("Screenshot", "S")) app.screenshotRequested = true;
  if (ImGui::MenuItem("Figure as SVG")) app.vectorFigureRequested = ".svg";
  if (ImGui::MenuItem("Figure as PDF")) app.vectorFigureRequested = ".pdf";
  // The video as last set in Export → Video… (reachable here when that panel has no room).
  const VideoSettings& v = app.settings.video;
  char label[128];
  std::snprintf(label, sizeof label, "Video (%s, %s, %d fps, %g s)", v.gif ? "GIF" : "MP4",
                kVideoSizes[v.size].label, v.fps, v.seconds);
  if (!app.video.running && ImGui::MenuItem(label)) app.videoRequested = true;
  if (app.video.running && ImGui::MenuItem("Cancel the video")) app.videoCancelRequested = true;
  ImGui::EndMenu();
}

void editMenu(AppState& app) {
  if (!ImGui::BeginMenu("Edit")) return;
  if (ImGui::MenuItem("Undo", "Ctrl+Z", false, app.history.canUndo())) app.undo();
  if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, app.history.canRedo())) app.redo();
  ImGui::EndMenu();
}

void viewMenu(AppState& app) {
  if (!ImGui::BeginMenu("View")) return;
  if (ImGui::MenuItem("Presentation mode", "P, F11", app.presenting))
    app.presenting = !app.presenting;
  ImGui::MenuItem("Leaderboard in presentation mode", nullptr, &app.settings.presentLeaderboard);
  if (ImGui::MenuItem("Reset layout")) app.resetLayoutRequested = true;
  ImGui::MenuItem("Export panel", nullptr, &app.settings.exportPanel);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("shown where the window is tall enough; File and S export either way");
  ImGui::Separator();
  if (ImGui::MenuItem("Sensitivity", "F2", app.showSensitivity))
    app.showSensitivity = !app.showSensitivity;
  if (ImGui::MenuItem("Step inspector", "I", app.showInspector))
    app.showInspector = !app.showInspector;
  if (ImGui::MenuItem("Help", "F1", app.showHelp)) app.showHelp = !app.showHelp;
  ImGui::MenuItem("Canvas legend", nullptr, &app.settings.canvas.legend);
  ImGui::MenuItem("Loss plot legend", nullptr, &app.settings.plot.legend);
  ImGui::Separator();
  ImGui::MenuItem("Light theme", nullptr, &app.settings.lightTheme);
  if (ImGui::BeginMenu("Colour map")) {
    for (int i = 0; i < 4; ++i)
      if (ImGui::MenuItem(kColormapNames[i], nullptr,
                          static_cast<int>(app.settings.canvas.heatmap.colormap) == i))
        app.settings.canvas.heatmap.colormap = static_cast<Colormap>(i);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("UI scale")) {
    for (float scale : {0.5f, 0.75f, 1.0f, 1.25f, 1.5f, 1.75f, 2.0f, 2.5f, 3.0f}) {
      char label[16];
      std::snprintf(label, sizeof label, "%d %%", static_cast<int>(scale * 100 + 0.5f));
      if (ImGui::MenuItem(label, nullptr, app.settings.uiScale == scale))
        app.settings.uiScale = scale;
    }
    ImGui::EndMenu();
  }
  ImGui::EndMenu();
}

void presetsMenu(AppState& app, const std::vector<Preset>& presets) {
  if (!ImGui::BeginMenu("Presets")) return;
  for (std::size_t i = 0; i < presets.size(); ++i) {
    std::string key = presets[i].keyName();
    if (ImGui::MenuItem(presets[i].scenario.title.c_str(), key.c_str()))
      app.setScenario(presets[i].scenario);
  }
  ImGui::EndMenu();
}

// What the picker chose, done.
void finishFileChoice(AppState& app) {
  std::optional<std::string> path = app.files.draw();
  if (!path) return;
  switch (app.files.purpose()) {
    case FileBrowser::Purpose::LoadScenario:
      if (loadScenario(app, *path)) app.scenarioPath = *path;
      break;
    case FileBrowser::Purpose::SaveScenario:
      if (saveScenario(app, *path)) app.scenarioPath = *path;
      break;
    case FileBrowser::Purpose::SaveTrajectories:
      if (saveTrajectoriesCsv(app, *path)) app.csvPath = *path;
      break;
  }
}
}  // namespace

float drawMainMenu(AppState& app, const std::vector<Preset>& presets) {
  finishFileChoice(app);
  if (app.presenting) return 0.0f;
  float height = 0.0f;
  if (ImGui::BeginMainMenuBar()) {
    fileMenu(app);
    editMenu(app);
    viewMenu(app);
    presetsMenu(app, presets);
    height = ImGui::GetWindowSize().y;
    ImGui::EndMainMenuBar();
  }
  return height;
}

}  // namespace optirace
