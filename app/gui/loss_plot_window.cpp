// The loss plot window: f − f* per step for every racer, with a hover read-out of each racer's
// gap at the step under the cursor (values from core's kept trajectory), and the ηₜ strip under
// it when racers follow schedules.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "bowl_theory.h"
#include "fit_text.h"
#include "learning_rate_strip.h"
#include "loss_plot_painter.h"
#include "panels.h"
#include "view_window.h"

namespace optirace {

namespace {
// The kept point nearest to `step` (trajectories keep every step until they are long).
const TrajectoryPoint* pointNear(const Racer& r, double step) {
  const auto& points = r.trajectory().points();
  if (points.empty()) return nullptr;
  auto it = std::lower_bound(
      points.begin(), points.end(), step,
      [](const TrajectoryPoint& p, double s) { return static_cast<double>(p.step) < s; });
  if (it == points.end()) return &points.back();
  if (it != points.begin() && step - std::prev(it)->step < it->step - step) --it;
  return &*it;
}
}  // namespace

void drawLossPlotWindow(AppState& app) {
  app.plotVisible = false;
  if (!beginViewWindow(app, Panel::Loss)) return;
  app.plotVisible = true;
  if (!app.presenting) {
    // The checkboxes wrap to a second row where the panel is narrow.
    auto checkboxWidth = [](const char* label) {
      return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
             ImGui::CalcTextSize(label).x;
    };
    ImGui::Checkbox("Log scale", &app.settings.plot.logY);
    sameLineIfFits(checkboxWidth("Legend"));
    ImGui::Checkbox("Legend", &app.settings.plot.legend);
    if (bowlSpectrum(app.scenario.surface)) {  // the bowl: theory has a rate to draw
      sameLineIfFits(checkboxWidth("Theory"));
      ImGui::Checkbox("Theory", &app.settings.plot.theory);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "dashed: the gap theory predicts for SGD, Momentum and Nesterov in the bowl, "
            "f₀ − f* times ρ^(2t), ρ the spectral radius of the step (log scale, no noise)");
    }
    sameLineIfFits(checkboxWidth("ηₜ strip"));
    ImGui::Checkbox("ηₜ strip", &app.settings.learningRateStrip);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "under the plot: each racer's learning rate ηₜ per step (shown when a racer follows a "
          "schedule)");
  }
  float strip = learningRateStripShown(app)
                    ? learningRateStripHeight(ImGui::GetContentRegionAvail().y)
                    : 0.0f;
  app.plotRect = claimViewArea("plot", strip);
  const PlotTransform& t = app.plotView;  // as painted last frame
  ImGuiIO& io = ImGui::GetIO();
  PointF mouse{io.MousePos.x, io.MousePos.y};
  if (app.race && ImGui::IsItemHovered() && t.area.w > 0 && t.area.contains(mouse)) {
    double step = t.pixelToStep(mouse.x);
    ImGui::BeginTooltip();
    ImGui::Text("step ≈ %.0f", step);
    for (const Racer& r : app.race->racers()) {
      if (!r.spec().enabled) continue;
      if (const TrajectoryPoint* p = pointNear(r, step))
        ImGui::Text(std::isnan(p->lr) ? "%s: step %ld, f − f* = %.4e"
                                      : "%s: step %ld, f − f* = %.4e, ηₜ = %.4g",
                    r.spec().label.c_str(), p->step, p->gap, p->lr);
    }
    ImGui::EndTooltip();
  }
  if (strip > 0) drawLearningRateStrip(app, strip);
  ImGui::End();
}

}  // namespace optirace
