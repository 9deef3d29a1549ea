// One frame of the window: input, stepping the race, the panels, drawing, a pending
// screenshot. The interactive loop, the frame benchmark and the smoke test all run it.
#pragma once

#include <imgui.h>

#include <optional>
#include <vector>

#include "app_state.h"
#include "canvas_painter.h"
#include "figure_export.h"
#include "gl_objects.h"
#include "loss_plot_painter.h"
#include "panel_cache.h"
#include "presets.h"
#include "sensitivity_panel.h"
#include "task_sweep_panel.h"
#include "task_views.h"
#include "ui_look.h"
#include "video_actions.h"

struct GLFWwindow;

namespace optirace {

struct GuiResources {
  explicit GuiResources(FontCache& fontCache)
      : fonts(fontCache), canvas(fonts), plot(fonts), sensitivity(fonts), video(fonts) {}
  FontCache& fonts;  // the figures' text (the window's own is ImGui's)
  CanvasPainter canvas;
  LossPlotPainter plot;
  UiLook look;
  PanelCache panels;
  Image* capture = nullptr;  // when set, each frame is read back into it before the swap
  // Scripted tests: the mouse as the GLFW backend would report it, applied after the backend
  // has read the real one (Dear ImGui 1.86 reads the pointer and buttons once a frame).
  struct ScriptedMouse {
    ImVec2 pos;
    bool down = false;
  };
  std::optional<ScriptedMouse> mouse;
  SensitivityPanel sensitivity;
  VideoJob video;            // the video export in the background, if any
  TaskViews taskViews;       // the canvas and loss plot while a task trains
  TaskSweepPanel taskSweep;  // its Sensitivity window (F2)
};

void runFrame(GLFWwindow* window, AppState& app, GuiResources& gui,
              const std::vector<Preset>& presets);

}  // namespace optirace
