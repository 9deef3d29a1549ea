// The loss plot window: f − f* per step for every racer, with a hover read-out of each racer's
// gap at the step under the cursor (values from core's kept trajectory).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "loss_plot_painter.h"
#include "panels.h"

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

void drawLossPlotWindow(AppState& app, LossPlotPainter& painter, Framebuffer& target) {
  ImGui::SetNextWindowPos(ImVec2(440, 620), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(580, 355), ImGuiCond_FirstUseEver);
  ImGui::Begin("Loss", nullptr,
               ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoBackground);
  ImGui::Checkbox("Log scale", &app.settings.plot.logY);
  ImVec2 size = ImGui::GetContentRegionAvail();
  int w = std::max(64, static_cast<int>(size.x)), h = std::max(64, static_cast<int>(size.y));
  if (!app.race) {
    ImGui::End();
    return;
  }
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  PlotTransform t;
  try {
    if (!target || target.width() != w || target.height() != h) target = Framebuffer(w, h);
    target.bind();
    LossPlotStyle style = app.settings.plot;
    style.lightTheme = app.settings.lightTheme;
    t = painter.paint(*app.race, style, {0, 0, float(w), float(h)}, w, h, app.settings.uiScale);
  } catch (const RenderError& e) {
    app.report(std::string("loss plot not drawn: ") + e.what(), true);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(target.texture())),
               ImVec2(float(w), float(h)), ImVec2(0, 1), ImVec2(1, 0));
  ImGuiIO& io = ImGui::GetIO();
  PointF mouse{io.MousePos.x - origin.x, io.MousePos.y - origin.y};
  if (ImGui::IsItemHovered() && t.area.contains(mouse)) {
    double step = t.pixelToStep(mouse.x);
    ImGui::BeginTooltip();
    ImGui::Text("step ≈ %.0f", step);
    for (const Racer& r : app.race->racers()) {
      if (!r.spec().enabled) continue;
      if (const TrajectoryPoint* p = pointNear(r, step))
        ImGui::Text("%s: step %ld, f − f* = %.4e", r.spec().label.c_str(), p->step, p->gap);
    }
    ImGui::EndTooltip();
  }
  ImGui::End();
}

}  // namespace optirace
