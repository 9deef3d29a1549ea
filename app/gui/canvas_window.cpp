// The race canvas: playback toolbar, the painted surface and trajectories, pan (drag), zoom
// (wheel, about the cursor), hover read-out (x, y, f from core), Shift+click to move the
// selected racer's start.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "canvas_painter.h"
#include "panels.h"

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

void drawCanvasWindow(AppState& app, CanvasPainter& painter, Framebuffer& target) {
  ImGui::SetNextWindowPos(ImVec2(440, 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(1160, 620), ImGuiCond_FirstUseEver);
  // No fill under the canvas image: on a software rasterizer every full-size fill costs.
  ImGui::Begin("Race", nullptr,
               ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoBackground);
  playbackToolbar(app);
  ImVec2 size = ImGui::GetContentRegionAvail();
  int w = std::max(64, static_cast<int>(size.x)), h = std::max(64, static_cast<int>(size.y));
  app.canvasPixelWidth = w;
  app.canvasPixelHeight = h;
  if (!app.race) {
    ImGui::End();
    return;
  }
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  CanvasTransform t;
  try {
    if (!target || target.width() != w || target.height() != h) target = Framebuffer(w, h);
    target.bind();
    CanvasStyle style = app.settings.canvas;
    style.lightTheme = app.settings.lightTheme;
    t = painter.paint(*app.race, app.camera, app.scenario.title, style, {0, 0, float(w), float(h)},
                      w, h, app.settings.uiScale);
  } catch (const RenderError& e) {
    app.report(std::string("canvas not drawn: ") + e.what(), true);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));

  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(target.texture())),
               ImVec2(float(w), float(h)), ImVec2(0, 1), ImVec2(1, 0));
  bool hovered = ImGui::IsItemHovered();
  ImGuiIO& io = ImGui::GetIO();
  PointF mouse{io.MousePos.x - origin.x, io.MousePos.y - origin.y};
  if (hovered && t.area.contains(mouse)) {
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
  if (hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && !io.KeyShift) {
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
