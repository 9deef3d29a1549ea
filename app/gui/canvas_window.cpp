// The race canvas: playback toolbar, the painted surface and trajectories, pan (drag), zoom
// (wheel, about the cursor), hover read-out (x, y, f from core), Shift+click to move the
// selected racer's start.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "canvas_painter.h"
#include "fit_text.h"
#include "panels.h"
#include "view_window.h"

namespace optirace {

namespace {

void tip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

// Short words, keys in the tooltips, so the row fits a projector's narrow canvas panel at large
// UI scales; what does not fit wraps to a second row rather than running past the edge.
void playbackToolbar(AppState& app) {
  playbackButtons(app);
  sameLineIfFits(buttonWidth("Fit view"));
  if (ImGui::Button("Fit view")) {
    app.camera = app.scenario.settings.view;
    app.view3d = View3DStyle{.enabled = app.view3d.enabled, .logHeight = app.view3d.logHeight};
  }
  tip("back to the scenario's view (and the 3-D view's first angle)");
  sameLineIfFits(buttonWidth("3-D"));
  if (ImGui::Button(app.view3d.enabled ? "2-D###dims" : "3-D###dims"))
    app.view3d.enabled = !app.view3d.enabled;
  tip("the surface in 3-D: drag to orbit, wheel to zoom (V)");
  speedSlider(app);
  float optionsWidth = buttonWidth("Options");
  sameLineIfFits(optionsWidth);
  if (ImGui::Button("Options")) ImGui::OpenPopup("canvas options");
  if (ImGui::BeginPopup("canvas options")) {
    ImGui::Checkbox("Equal scale (one unit = one unit)", &app.settings.canvas.equalAspect);
    ImGui::Checkbox("Dots at every step", &app.settings.canvas.stepDots);
    ImGui::Checkbox("Legend", &app.settings.canvas.legend);
    ImGui::Checkbox("3-D: height in log10(f − f*) (off: f)", &app.view3d.logHeight);
    ImGui::EndPopup();
  }
}

// The 3-D view: a drag turns the camera about the surface (a canvas width is one turn), up
// and down tilt it; the wheel moves it closer.
void orbit(AppState& app, bool hovered, bool dragging) {
  ImGuiIO& io = ImGui::GetIO();
  View3DStyle& v = app.view3d;
  if (dragging && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
    float width = std::max(1.0f, app.canvasRect.w);
    v.azimuthDeg = std::fmod(v.azimuthDeg - 360.0 * io.MouseDelta.x / width, 360.0);
    v.elevationDeg =
        std::clamp(v.elevationDeg + 180.0 * io.MouseDelta.y / width, kMinElevation, kMaxElevation);
  }
  if (hovered && io.MouseWheel != 0.0f)
    v.zoom = std::clamp(v.zoom * std::pow(1.15, io.MouseWheel), kMinZoom, kMaxZoom);
}

void zoomAbout(ViewBox& camera, Vec2 anchor, double factor) {
  camera.xMin = anchor.x + (camera.xMin - anchor.x) * factor;
  camera.xMax = anchor.x + (camera.xMax - anchor.x) * factor;
  camera.yMin = anchor.y + (camera.yMin - anchor.y) * factor;
  camera.yMax = anchor.y + (camera.yMax - anchor.y) * factor;
}

}  // namespace

void drawCanvasWindow(AppState& app) {
  app.canvasVisible = false;
  if (!beginViewWindow(app, Panel::Race)) return;
  app.canvasVisible = !ImGui::IsWindowCollapsed();
  if (!app.presenting) playbackToolbar(app);  // presentation: the keys do it
  // The timeline only where the canvas keeps 180 px and 30 % of the window's height besides
  // (a small screen at a large UI scale steps with ← and → alone).
  float timelineRoom = ImGui::GetFrameHeightWithSpacing();
  float keep = std::max(180.0f, 0.3f * ImGui::GetIO().DisplaySize.y) + 1.5f * ImGui::GetFontSize();
  bool showTimeline = !app.presenting && ImGui::GetContentRegionAvail().y - timelineRoom >= keep;
  app.canvasRect = claimViewArea("canvas", showTimeline ? timelineRoom : 0.0f);  // drag: pans
  bool hovered = ImGui::IsItemHovered(), dragging = ImGui::IsItemActive();
  const CanvasTransform& t = app.canvasView;  // as painted last frame
  ImGuiIO& io = ImGui::GetIO();
  PointF mouse{io.MousePos.x, io.MousePos.y};
  if (app.view3d.enabled) {
    orbit(app, hovered, dragging);
  } else if (app.race && hovered && t.area.w > 0 && t.area.contains(mouse)) {
    Vec2 world = t.toWorld(mouse);
    if (io.MouseWheel != 0.0f) zoomAbout(app.camera, world, std::pow(0.85, io.MouseWheel));
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.KeyShift &&
        !app.scenario.racers.empty()) {
      app.scenario.racers[app.selectedRacer].start = world;
      app.edited();
    }
    double f = app.race->surface().value(world);
    ImGui::SetTooltip("x = %.4g\ny = %.4g\nf = %.6g\nf − f* = %.3e", world.x, world.y, f,
                      f - app.race->surface().minimumValue());
  }
  if (!app.view3d.enabled && dragging && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f) &&
      !io.KeyShift && t.area.w > 0) {
    ImVec2 d = io.MouseDelta;
    double sx = t.visible.width() / t.area.w, sy = t.visible.height() / t.area.h;
    app.camera.xMin -= d.x * sx;
    app.camera.xMax -= d.x * sx;
    app.camera.yMin += d.y * sy;
    app.camera.yMax += d.y * sy;
  }
  if (showTimeline) drawTimeline(app);
  ImGui::End();
}

void playbackButtons(AppState& app) {
  const bool epochs = app.taskRace != nullptr;  // a task plays epochs, every one kept
  if (ImGui::Button(app.playing ? "Pause###play" : "Play###play")) app.playing = !app.playing;
  tip("play / pause (Space)");
  sameLineIfFits(buttonWidth("Step"));
  if (ImGui::Button("Step")) app.stepOn(1);
  tip(epochs ? "one epoch (→)" : "one step (→)");
  sameLineIfFits(buttonWidth("Reset"));
  if (ImGui::Button("Reset")) app.backToStart();
  tip(epochs ? "back to the shared initialisation (R)" : "back to the start (R)");
}

void speedSlider(AppState& app) {
  const bool epochs = app.taskRace != nullptr;
  float speedWidth = ImGui::GetFontSize() * 7;
  sameLineIfFits(speedWidth);
  ImGui::SetNextItemWidth(speedWidth);
  ImGui::SliderInt("##speed", &app.stepsPerFrame, 1, 1000,
                   epochs ? "%d epochs/frame" : "%d steps/frame",
                   ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  tip(epochs ? "epochs per frame while playing" : "steps per frame while playing");
}

void drawTimeline(AppState& app) {
  if (!app.race && !app.taskRace) return;
  long long k = app.stepShown(), lo = 0, hi = std::max(1L, app.scenario.steps);
  char format[64];
  std::snprintf(format, sizeof format, "%s %%lld of %ld", app.taskRace ? "epoch" : "step",
                app.scenario.steps);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 1.6f);
  if (ImGui::SliderScalar("##timeline", ImGuiDataType_S64, &k, &lo, &hi, format,
                          ImGuiSliderFlags_AlwaysClamp)) {
    app.playing = false;
    app.seekStep(static_cast<long>(k));
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(app.taskRace
                          ? "drag to see the training at any epoch (every epoch's weights are "
                            "kept); ← and → step back and on"
                          : "drag to see the race at any step (it runs again from the start when "
                            "going back: the same race); ← and → step back and on");
}

}  // namespace optirace
