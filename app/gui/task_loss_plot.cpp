// The Loss window while a task trains: each racer's loss per epoch (the seed's loss_history),
// up to the epoch shown, on the whole budget's axes so that they stay still while it plays; the
// loss threshold dashed; a read-out of every racer's loss and accuracy under the mouse.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "axis_ticks.h"
#include "draw_list_plot.h"
#include "fit_text.h"
#include "task_views.h"
#include "view_window.h"

namespace optirace {

namespace {
struct LossAxes {
  double lo = 0, hi = 1;  // log10 values when log
  bool log = true;
  double y(double loss) const { return log ? std::log10(std::max(loss, 1e-300)) : loss; }
};

LossAxes axesFor(const TaskRace& race, double threshold, bool log) {
  LossAxes a{INFINITY, -INFINITY, log};
  for (const TaskRacer& r : race.racers())
    for (const PassResult& row : r.rows)
      if (std::isfinite(row.loss) && (!log || row.loss > 0)) {
        a.lo = std::min(a.lo, a.y(row.loss));
        a.hi = std::max(a.hi, a.y(row.loss));
      }
  if (!(a.lo <= a.hi)) a.lo = a.y(threshold), a.hi = a.lo + 1;
  if (log) {
    a.lo = std::floor(std::max(a.lo, -12.0)), a.hi = std::ceil(a.hi);
  } else {
    a.lo = 0;
  }
  if (a.hi - a.lo < 1e-12) a.hi = a.lo + 1;
  return a;
}
}  // namespace

void TaskViews::drawLossPlot(AppState& app) {
  app.plotVisible = false;
  if (!beginViewWindow(app, Panel::Loss)) return;
  if (!app.presenting) ImGui::Checkbox("Log scale", &app.settings.plot.logY);
  RectPx area = app.plotRect = claimViewArea("plot");
  app.plotVisible = !ImGui::IsWindowCollapsed();  // (the screenshot puts it under the canvas)
  if (!app.taskRace || !app.plotVisible) {
    ImGui::End();
    return;
  }
  const TaskRace& race = *app.taskRace;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float font = ImGui::GetFontSize(), line = ImGui::GetTextLineHeightWithSpacing();
  draw->PushClipRect(ImVec2(area.x, area.y), ImVec2(area.x + area.w, area.y + area.h), true);
  draw->AddText(
      ImVec2(area.x, area.y), ink,
      fitWithEllipsis("Loss L = (1/2m)·Σ(ŷ − y)² on the whole data set, per epoch", area.w)
          .c_str());
  float left = ImGui::CalcTextSize("1e-10").x + font * 0.8f;
  RectPx plot{area.x + left, area.y + line * 1.4f, area.w - left - font,
              area.h - line * 1.4f - line * 2.3f};
  if (plot.w < 16 || plot.h < 16) {
    draw->PopClipRect();
    ImGui::End();
    return;
  }
  LossAxes axes = axesFor(race, app.scenario.settings.threshold, app.settings.plot.logY);
  double budget = std::max(1L, race.budget());
  auto px = [&](double epoch) { return plot.x + float(epoch / budget) * plot.w; };
  auto py = [&](double loss) {
    double v = std::clamp(axes.y(loss), axes.lo - 1, axes.hi + 1);
    return plot.y + float((axes.hi - v) / (axes.hi - axes.lo)) * plot.h;
  };
  draw->AddRect(ImVec2(plot.x, plot.y), ImVec2(plot.x + plot.w, plot.y + plot.h), faint);
  auto yTicks = axes.log ? decadeTicks(axes.lo, axes.hi, std::max(2, int(plot.h / (font * 1.6f))))
                         : linearTicks(axes.lo, axes.hi, std::max(2, int(plot.h / (font * 2))));
  for (const Tick& t : yTicks) {
    float y = plot.y + float((axes.hi - t.value) / (axes.hi - axes.lo)) * plot.h;
    draw->AddLine(ImVec2(plot.x, y), ImVec2(plot.x + plot.w, y), IM_COL32(128, 128, 128, 50));
    float w = ImGui::CalcTextSize(t.label.c_str()).x;
    draw->AddText(ImVec2(plot.x - font * 0.3f - w, y - font * 0.5f), ink, t.label.c_str());
  }
  for (const Tick& t : linearTicks(0, budget, std::max(2, int(plot.w / (font * 5))))) {
    float x = px(t.value), w = ImGui::CalcTextSize(t.label.c_str()).x;
    draw->AddLine(ImVec2(x, plot.y + plot.h), ImVec2(x, plot.y + plot.h + font * 0.3f), ink);
    draw->AddText(ImVec2(labelLeft(x, w, area.x, plot.x + plot.w), plot.y + plot.h + font * 0.3f),
                  ink, t.label.c_str());
  }
  const char* xLabel = "epoch";
  draw->AddText(ImVec2(plot.x + plot.w - ImGui::CalcTextSize(xLabel).x, plot.y + plot.h + line),
                faint, xLabel);
  // The threshold, dashed, and the epoch shown.
  float ty = py(app.scenario.settings.threshold);
  for (float x = plot.x; x < plot.x + plot.w; x += font)
    draw->AddLine(ImVec2(x, ty), ImVec2(std::min(x + font * 0.5f, plot.x + plot.w), ty), faint);
  draw->AddLine(ImVec2(px(race.shown()), plot.y), ImVec2(px(race.shown()), plot.y + plot.h),
                IM_COL32(128, 128, 128, 120));

  draw->PushClipRect(ImVec2(plot.x, plot.y), ImVec2(plot.x + plot.w, plot.y + plot.h), true);
  std::vector<ImVec2> points;
  float width = std::max(2.0f, font * 0.14f);
  for (const TaskRacer& r : race.racers()) {
    long last = std::min<long>(race.shown(), static_cast<long>(r.rows.size()) - 1);
    long stride = std::max(1L, static_cast<long>(race.budget() / std::max(1.0f, plot.w)));
    points.clear();
    for (long k = 0; k <= last; k += stride) points.push_back(ImVec2(px(k), py(r.rows[k].loss)));
    if (last > 0 && last % stride) points.push_back(ImVec2(px(last), py(r.rows[last].loss)));
    draw->AddPolyline(points.data(), int(points.size()), rgbColour(r.spec.colorRgb), 0, width);
    if (!points.empty())
      draw->AddCircleFilled(points.back(), width * 1.6f, rgbColour(r.spec.colorRgb));
  }
  draw->PopClipRect();
  draw->PopClipRect();

  ImVec2 mouse = ImGui::GetIO().MousePos;
  if (ImGui::IsItemHovered() && mouse.x >= plot.x && mouse.x <= plot.x + plot.w) {
    long epoch = std::lround((mouse.x - plot.x) / plot.w * budget);
    epoch = std::clamp(epoch, 0L, race.budget());
    ImGui::BeginTooltip();
    ImGui::Text("epoch %ld", epoch);
    for (int i = 0; i < static_cast<int>(race.racers().size()); ++i) {
      const TaskRacer& r = race.racers()[i];
      if (epoch > r.epochsTrained()) {
        ImGui::Text("%s: diverged at epoch %ld", r.spec.label.c_str(), r.divergedAt);
        continue;
      }
      const PassResult& row = race.rowAt(i, epoch);
      ImGui::Text("%s: loss %.6f, accuracy %.1f %%", r.spec.label.c_str(), row.loss,
                  100 * row.accuracy);
    }
    ImGui::EndTooltip();
  }
  ImGui::End();
}

}  // namespace optirace
