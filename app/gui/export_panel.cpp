// Export: screenshot settings and button, trajectories CSV, scenario JSON save and load.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "export_actions.h"
#include "figure_export.h"
#include "panel_backdrop.h"
#include "panels.h"

namespace optirace {

namespace {
bool pathField(const char* label, std::string& value) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s", value.c_str());
  bool edited = ImGui::InputText(label, buf, sizeof buf);
  if (edited) value = buf;
  return edited;
}
}  // namespace

void drawExportPanel(AppState& app) {
  placeFirstTime(0.6375f, 0.8103f, 0.3625f, 0.1897f);
  beginWindow("Export", nullptr, 0, true);
  UiSettings& s = app.settings;
  int size = static_cast<int>(s.exportSize);
  ImGui::RadioButton("Window size", &size, 0);
  ImGui::SameLine();
  ImGui::RadioButton("2×", &size, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Custom", &size, 2);
  s.exportSize = static_cast<ExportSize>(size);
  if (s.exportSize == ExportSize::Custom) {
    int wh[2] = {s.customWidth, s.customHeight};
    if (ImGui::InputInt2("W × H px", wh)) {
      s.customWidth = std::clamp(wh[0], 16, kMaxExportWidth);
      s.customHeight = std::clamp(wh[1], 16, kMaxExportHeight);
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("up to %d × %d", kMaxExportWidth, kMaxExportHeight);
  }
  ImGui::Checkbox("Loss plot beside the canvas", &s.exportWithPlot);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 9.5f);
  pathField("##folder", s.exportFolder);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("folder for optirace-NNNN.png");
  ImGui::SameLine();
  if (ImGui::Button("Screenshot (S)")) app.screenshotRequested = true;
  ImGui::Separator();
  float fieldWidth = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 9.5f;
  ImGui::SetNextItemWidth(fieldWidth);
  pathField("##csv", app.csvPath);
  ImGui::SameLine();
  if (ImGui::Button("Save CSV")) saveTrajectoriesCsv(app, app.csvPath);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("every step of every enabled racer so far");
  ImGui::SetNextItemWidth(fieldWidth);
  pathField("##scenario", app.scenarioPath);
  ImGui::SameLine();
  if (ImGui::Button("Save")) saveScenario(app, app.scenarioPath);
  ImGui::SameLine();
  if (ImGui::Button("Load")) loadScenario(app, app.scenarioPath);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("scenario JSON; a bad file changes nothing");
  ImGui::End();
}

}  // namespace optirace
