#include "learning_rate_strip.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "race_words.h"

namespace optirace {

bool learningRateStripShown(const AppState& app) {
  if (!app.settings.learningRateStrip || !app.race) return false;
  for (const RacerSpec& r : app.scenario.racers)
    if (r.enabled && !r.schedule.isConstant()) return true;
  return false;
}

float learningRateStripHeight(float available) {
  float font = ImGui::GetFontSize();
  if (available < font * 12.0f) return 0.0f;
  return std::round(std::min(font * 4.0f, available * 0.25f));
}

void drawLearningRateStrip(const AppState& app, float height) {
  const PlotTransform& t = app.plotView;
  if (t.area.w <= 1 || height <= 0) return;
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float font = ImGui::GetFontSize();
  float top = origin.y + font * 0.4f, bottom = origin.y + height - font * 0.3f;
  float left = t.area.x, right = t.area.x + t.area.w;
  ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, height));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImU32 frame = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  draw->AddRect(ImVec2(left, top), ImVec2(right, bottom), frame);

  // η at step t (1, 2, …) for the columns of the plot's step axis; steps before 1 show η₁.
  auto lrAt = [](const RacerSpec& r, double step) {
    long k = std::max(0L, static_cast<long>(std::ceil(step)) - 1);
    return scheduledLr(r.schedule, r.hyper.lr, k);
  };
  int columns = std::max(2, static_cast<int>(right - left) / 2);
  double peak = 0;
  for (const RacerSpec& r : app.scenario.racers)
    if (r.enabled)
      for (int c = 0; c <= columns; ++c)
        peak = std::max(peak, lrAt(r, t.xMin + (t.xMax - t.xMin) * c / columns));
  if (!(peak > 0)) return;
  float lineWidth = std::max(1.5f, font / 9);
  for (const RacerSpec& r : app.scenario.racers) {
    if (!r.enabled) continue;
    ImU32 colour =
        IM_COL32((r.colorRgb >> 16) & 255, (r.colorRgb >> 8) & 255, r.colorRgb & 255, 255);
    ImVec2 previous;
    for (int c = 0; c <= columns; ++c) {
      double step = t.xMin + (t.xMax - t.xMin) * c / columns;
      float x = left + (right - left) * static_cast<float>(c) / static_cast<float>(columns);
      float y = bottom - static_cast<float>(lrAt(r, step) / peak) * (bottom - top);
      ImVec2 point(x, y);
      if (c > 0) draw->AddLine(previous, point, colour, lineWidth);
      previous = point;
    }
  }
  float now = t.xToPixel(static_cast<double>(app.race->stepsTaken()));
  if (now >= left && now <= right)
    draw->AddLine(ImVec2(now, top), ImVec2(now, bottom), frame, std::max(1.0f, font / 12));
  std::string label = "ηₜ (0 to " + shortNumber(peak) + ")";
  ImVec2 size = ImGui::CalcTextSize(label.c_str());
  draw->AddText(ImVec2(std::max(origin.x, left - size.x - font * 0.4f), top), frame, label.c_str());
}

}  // namespace optirace
