// The leaderboard: who is closest to f*, who crossed the threshold first, who diverged. Columns
// of numbers are as wide as their widest entry; labels and status words wrap in what is left,
// so nothing is cut however narrow the panel or large the UI scale.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "fit_text.h"
#include "panel_backdrop.h"
#include "panels.h"
#include "race_words.h"
#include "view_window.h"

namespace optirace {

namespace {
ImVec4 statusColour(const Racer& r, bool light) {
  if (r.status() == RacerStatus::Diverged)
    return light ? ImVec4(0.7f, 0.05f, 0.0f, 1) : ImVec4(0.95f, 0.35f, 0.3f, 1);
  if (r.convergedAtStep() >= 0 && r.current().gap < r.threshold())
    return light ? ImVec4(0.0f, 0.45f, 0.15f, 1) : ImVec4(0.3f, 0.8f, 0.45f, 1);
  return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

void wrappedCell(const std::string& text, const ImVec4& colour) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  textWrappedAtSpaces(text);  // "η=0.001" stays whole
  ImGui::PopStyleColor();
}

// Each racer on two lines: its colour and label, then its gap and status, indented.
void narrowList(const std::vector<const Racer*>& order, long budget, bool light) {
  for (const Racer* r : order) {
    ImGui::PushID(r);
    racerSwatch(r->spec().colorRgb);
    textWrappedAtSpaces(r->spec().label);
    ImGui::Indent();
    std::string gap = r->status() == RacerStatus::Diverged ? "—" : [&] {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.3e", r->current().gap);
      return std::string(buf);
    }();
    wrappedCell("f − f* " + gap + ", " + statusWords(*r, budget), statusColour(*r, light));
    ImGui::Unindent();
    ImGui::PopID();
  }
}
}  // namespace

void racerSwatch(std::uint32_t rgb) {
  float side = ImGui::GetTextLineHeight();
  ImGui::ColorButton(
      "##c",
      ImVec4(((rgb >> 16) & 255) / 255.f, ((rgb >> 8) & 255) / 255.f, (rgb & 255) / 255.f, 1),
      ImGuiColorEditFlags_NoTooltip, ImVec2(side, side));
  ImGui::SameLine();
}

void drawLeaderboard(AppState& app) {
  if (!beginPanel(app, Panel::Leaderboard)) return;
  if (app.taskRace) drawTaskLeaderboard(app);
  if (!app.race) {
    ImGui::End();
    return;
  }
  long budget = app.scenario.steps;
  // Order: below the threshold first by step, then running by gap, then diverged.
  std::vector<const Racer*> order;
  for (const Racer& r : app.race->racers())
    if (r.spec().enabled) order.push_back(&r);
  auto rank = [](const Racer* r) {
    if (r->status() == RacerStatus::Diverged)
      return std::pair{2, static_cast<double>(-r->divergedAtStep())};
    if (r->convergedAtStep() >= 0) return std::pair{0, static_cast<double>(r->convergedAtStep())};
    return std::pair{1, r->current().gap};
  };
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return rank(a) < rank(b); });
  textWrappedAtSpaces("step " + std::to_string(app.race->stepsTaken()) + " of " +
                      std::to_string(budget) + (app.race->finished() ? " (budget reached)" : ""));
  float gapWidth = std::max(ImGui::CalcTextSize("9.999e+99").x, ImGui::CalcTextSize("f − f*").x);
  float stepWidth = ImGui::CalcTextSize("Below at").x;
  for (const Racer* r : order)
    stepWidth = std::max(stepWidth, ImGui::CalcTextSize(thresholdStepWords(*r, budget).c_str()).x);
  // A narrow panel drops the threshold column (the status words say it too) before the
  // wrapped columns get too narrow for a word; narrower still, each racer takes two lines.
  float wordRoom = ImGui::GetFontSize() * 6, avail = ImGui::GetContentRegionAvail().x;
  bool stepColumn = avail > gapWidth + stepWidth + 2 * wordRoom;
  if (avail < gapWidth + 2 * wordRoom + ImGui::GetFontSize() * 3) {
    narrowList(order, budget, app.settings.lightTheme);
    ImGui::End();
    return;
  }
  if (ImGui::BeginTable("board", stepColumn ? 4 : 3,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Racer", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("f − f*", ImGuiTableColumnFlags_WidthFixed, gapWidth);
    if (stepColumn)
      ImGui::TableSetupColumn("Below at", ImGuiTableColumnFlags_WidthFixed, stepWidth);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const Racer* r : order) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      racerSwatch(r->spec().colorRgb);
      wrappedCell(r->spec().label, ImGui::GetStyleColorVec4(ImGuiCol_Text));
      ImGui::TableNextColumn();
      if (r->status() == RacerStatus::Diverged)
        ImGui::TextUnformatted("—");
      else
        ImGui::Text("%.3e", r->current().gap);
      if (stepColumn) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(thresholdStepWords(*r, budget).c_str());
      }
      ImGui::TableNextColumn();
      wrappedCell(statusWords(*r, budget), statusColour(*r, app.settings.lightTheme));
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace optirace
