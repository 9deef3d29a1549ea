// The Loss window while a task trains: each racer's loss per epoch, painted by the figures' code
// (render/task_loss_plot.h) onto ImGui's background list, with the epoch shown marked; a read-out
// of every racer's loss and accuracy under the mouse.
#include "task_loss_plot.h"

#include <imgui.h>

#include "canvas_painter.h"
#include "imgui_drawing.h"
#include "task_views.h"
#include "view_window.h"

namespace optirace {

namespace {
Rgba styleColour(ImGuiCol which) {
  const ImVec4& c = ImGui::GetStyleColorVec4(which);
  return {c.x, c.y, c.z, c.w};
}
}  // namespace

TaskViewInk TaskViews::windowInk(const AppState& app, FontCache& fonts) {
  // ImGui's text size, so that ImGui draws its glyphs unscaled; lines as thick as a figure's
  // at the same text size.
  const float fontPx = ImGui::GetFontSize();
  return {&fonts.atlas(fontPx), styleColour(ImGuiCol_Text), styleColour(ImGuiCol_TextDisabled),
          paperFor(app.settings.lightTheme), fontPx / kCanvasFontPx};
}

void TaskViews::drawLossPlot(AppState& app, FontCache& fonts) {
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
  ImDrawList* list = ImGui::GetBackgroundDrawList();
  ImGuiDrawing d(list);
  list->PushClipRect(ImVec2(area.x, area.y), ImVec2(area.x + area.w, area.y + area.h), true);
  const RectPx plot =
      paintTaskLossPlot(d, windowInk(app, fonts), race, app.scenario.settings.threshold, area,
                        {.logY = app.settings.plot.logY, .legend = false, .epochLine = true});
  list->PopClipRect();

  ImVec2 mouse = ImGui::GetIO().MousePos;
  if (plot.w > 0 && ImGui::IsItemHovered() && mouse.x >= plot.x && mouse.x <= plot.x + plot.w) {
    const long epoch = taskLossPlotEpoch(race, plot, mouse.x);
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
