// Export: screenshot settings and button, trajectories CSV, scenario JSON save and load.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "export_actions.h"
#include "figure_export.h"
#include "fit_text.h"
#include "panel_backdrop.h"
#include "panels.h"
#include "video_panel.h"
#include "view_window.h"

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

// A path field as wide as what the buttons after it leave.
void fieldBeside(const char* id, std::string& value, std::initializer_list<const char*> buttons) {
  float room = 0;
  for (const char* b : buttons) room += buttonWidth(b) + ImGui::GetStyle().ItemSpacing.x;
  ImGui::SetNextItemWidth(
      std::max(ImGui::GetContentRegionAvail().x - room, ImGui::GetFontSize() * 3));
  pathField(id, value);
}

// A typed size outside what export can make: kept within it, and said so.
int clampedSize(AppState& app, const char* what, int value, int most) {
  int kept = std::clamp(value, 16, most);
  if (kept != value)
    app.report(std::string(what) + " " + std::to_string(value) + " px is outside 16 … " +
                   std::to_string(most) + "; set to " + std::to_string(kept),
               true);
  return kept;
}

void drawExportPanel(AppState& app) {
  if (!beginPanel(app, Panel::Export)) return;
  UiSettings& s = app.settings;
  int size = static_cast<int>(s.exportSize);
  ImGui::RadioButton("Window size", &size, 0);
  sameLineIfFits(ImGui::GetFrameHeight() + buttonWidth("2×"));
  ImGui::RadioButton("2×", &size, 1);
  sameLineIfFits(ImGui::GetFrameHeight() + buttonWidth("Custom"));
  ImGui::RadioButton("Custom", &size, 2);
  s.exportSize = static_cast<ExportSize>(size);
  if (s.exportSize == ExportSize::Custom) {
    int wh[2] = {s.customWidth, s.customHeight};
    pushWidthBesideLabels({"W × H px"});
    if (ImGui::InputInt2("W × H px", wh, ImGuiInputTextFlags_EnterReturnsTrue)) {
      s.customWidth = clampedSize(app, "width", wh[0], kMaxExportWidth);
      s.customHeight = clampedSize(app, "height", wh[1], kMaxExportHeight);
    }
    ImGui::PopItemWidth();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("16 … %d × 16 … %d; Enter to apply", kMaxExportWidth, kMaxExportHeight);
  }
  ImGui::Checkbox("With the loss plot", &s.exportWithPlot);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("the loss plot beside the canvas in the PNG");
  fieldBeside("##folder", s.exportFolder, {"Screenshot", "Video…"});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("folder for optirace-NNNN.png, .mp4 and .gif");
  ImGui::SameLine();
  if (ImGui::Button("Screenshot")) app.screenshotRequested = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("a PNG of the canvas (S)");
  ImGui::SameLine();
  if (ImGui::Button("Video…")) ImGui::OpenPopup("Video");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("the race as an MP4 or a GIF, made in the background");
  drawVideoPopup(app);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("As vectors:");
  ImGui::SameLine();
  if (ImGui::Button("SVG")) app.vectorFigureRequested = ".svg";
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("the figure as SVG: paths, contour lines and text as vectors");
  ImGui::SameLine();
  if (ImGui::Button("PDF")) app.vectorFigureRequested = ".pdf";
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("the figure as PDF: vectors, text selectable (for papers and notes)");
  drawVideoProgress(app);
  ImGui::Separator();
  fieldBeside("##csv", app.csvPath, {"Save CSV", "…"});
  ImGui::SameLine();
  if (ImGui::Button("Save CSV")) saveTrajectoriesCsv(app, app.csvPath);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("every step of every enabled racer so far");
  ImGui::SameLine();
  if (ImGui::Button("…##csv")) app.files.open(FileBrowser::Purpose::SaveTrajectories, app.csvPath);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("choose where to save the CSV");
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  pathField("##scenario", app.scenarioPath);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("scenario JSON; a bad file changes nothing");
  if (ImGui::Button("Save scenario")) saveScenario(app, app.scenarioPath);
  sameLineIfFits(buttonWidth("Load"));
  if (ImGui::Button("Load")) loadScenario(app, app.scenarioPath);
  sameLineIfFits(buttonWidth("Browse…"));
  if (ImGui::Button("Browse…"))
    app.files.open(FileBrowser::Purpose::LoadScenario, app.scenarioPath);
  ImGui::End();
}

}  // namespace optirace
