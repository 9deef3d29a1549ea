// The race canvas: playback toolbar, the painted surface and trajectories, pan (drag), zoom
// (wheel, about the cursor), hover read-out (x, y, f from core), Shift+click to move the
// selected racer's start.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "canvas_painter.h"
#include "panels.h"
#include "view_window.h"

namespace optirace {

namespace {

void playbackToolbar(AppState& app) {
  if (ImGui::Button(app.playing ? "Pause (Space)" : "Play (Space)")) app.playing = !app.playing;
  ImGui::SameLine();
  if (ImGui::Button("Step (→)") && app.race) app.race->advance(1);
  ImGui::SameLine();
  if (ImGui::Button("Reset (R)")) {
    app.playing = false;
    app.restartRace();
  }
  ImGui::SameLine();
  if (ImGui::Button("Reset view")) app.camera = app.scenario.settings.view;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  ImGui::SliderInt("steps/frame", &app.stepsPerFrame, 1, 1000, "%d",
                   ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::Checkbox("Equal scale", &app.settings.canvas.equalAspect);
  ImGui::SameLine();
  ImGui::Checkbox("Dots", &app.settings.canvas.stepDots);
}

void zoomAbout(ViewBox& camera, Vec2 anchor, double factor) {
  camera.xMin = anchor.x + (camera.xMin - anchor.x) * factor;
  camera.xMax = anchor.x + (camera.xMax - anchor.x) * factor;
  camera.yMin = anchor.y + (camera.yMin - anchor.y) * factor;
  camera.yMax = anchor.y + (camera.yMax - anchor.y) * factor;
}

}  // namespace

void drawCanvasWindow(AppState& app) {
  placeFirstTime(0.275f, 0.0f, 0.725f, 0.6359f);
  app.canvasVisible = beginViewWindow("Race");
  if (!app.canvasVisible) {
    ImGui::End();
    return;
  }
  playbackToolbar(app);
  app.canvasRect = claimViewArea("canvas");  // dragging there pans
  bool hovered = ImGui::IsItemHovered(), dragging = ImGui::IsItemActive();
  const CanvasTransform& t = app.canvasView;  // as painted last frame
  ImGuiIO& io = ImGui::GetIO();
  PointF mouse{io.MousePos.x, io.MousePos.y};
  if (app.race && hovered && t.area.w > 0 && t.area.contains(mouse)) {
    Vec2 world = t.toWorld(mouse);
    if (io.MouseWheel != 0.0f) zoomAbout(app.camera, world, std::pow(0.85, io.MouseWheel));
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.KeyShift &&
        !app.scenario.racers.empty()) {
      app.scenario.racers[app.selectedRacer].start = world;
      app.restartRace();
    }
    double f = app.race->surface().value(world);
    ImGui::SetTooltip("x = %.4g\ny = %.4g\nf = %.6g\nf − f* = %.3e", world.x, world.y, f,
                      f - app.race->surface().minimumValue());
  }
  if (dragging && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f) && !io.KeyShift &&
      t.area.w > 0) {
    ImVec2 d = io.MouseDelta;
    double sx = t.visible.width() / t.area.w, sy = t.visible.height() / t.area.h;
    app.camera.xMin -= d.x * sx;
    app.camera.xMax -= d.x * sx;
    app.camera.yMin += d.y * sy;
    app.camera.yMax += d.y * sy;
  }
  ImGui::End();
}

}  // namespace optirace
