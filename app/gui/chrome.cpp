// Keyboard shortcuts, the Help window that lists them, and the status bar.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "panel_backdrop.h"
#include "panels.h"

namespace optirace {

namespace {
struct Shortcut {
  const char* keys;
  const char* action;
};
constexpr Shortcut kShortcuts[] = {
    {"Space", "play / pause the race"},
    {"→", "one step"},
    {"R", "reset the race to its start"},
    {"S", "screenshot (PNG, size and folder in Export)"},
    {"1 … 8", "load a lecture preset"},
    {"Ctrl + / Ctrl −", "UI scale up / down (Ctrl 0: 100 %)"},
    {"F1", "this help"},
    {"F2", "the Sensitivity panel: hyperparameter sweeps and basin maps"},
    {"drag", "pan the canvas"},
    {"wheel", "zoom about the cursor"},
    {"Shift + click", "set the selected racer's start point"},
    {"Ctrl + click a slider", "type an exact value"},
};
// Key presses since the last frame, in order. ImGui 1.86 only sees whether a key is down at
// the start of a frame, so a tap shorter than a frame (or two taps) would be lost.
struct KeyPress {
  int key;
  bool ctrl;
  bool repeat;
};
std::vector<KeyPress> pendingPresses;
}  // namespace

void recordKeyPress(int key, int action, int mods) {
  if (action == GLFW_PRESS || action == GLFW_REPEAT)
    pendingPresses.push_back({key, (mods & GLFW_MOD_CONTROL) != 0, action == GLFW_REPEAT});
}

void handleShortcuts(AppState& app, const std::vector<Preset>& presets) {
  std::vector<KeyPress> presses;
  presses.swap(pendingPresses);
  if (ImGui::GetIO().WantTextInput) return;  // typing into a field
  for (const KeyPress& p : presses) {
    if (p.ctrl) {
      if (p.key == GLFW_KEY_EQUAL || p.key == GLFW_KEY_KP_ADD)
        app.settings.uiScale = std::min(app.settings.uiScale + 0.25f, 3.0f);
      if (p.key == GLFW_KEY_MINUS || p.key == GLFW_KEY_KP_SUBTRACT)
        app.settings.uiScale = std::max(app.settings.uiScale - 0.25f, 0.75f);
      if (p.key == GLFW_KEY_0) app.settings.uiScale = 1.0f;
      continue;
    }
    if (p.key == GLFW_KEY_RIGHT && app.race) app.race->advance(1);  // repeats while held
    if (p.repeat) continue;
    if (p.key == GLFW_KEY_SPACE) app.playing = !app.playing;
    if (p.key == GLFW_KEY_R) {
      app.playing = false;
      app.restartRace();
    }
    if (p.key == GLFW_KEY_S) app.screenshotRequested = true;
    if (p.key == GLFW_KEY_F1) app.showHelp = !app.showHelp;
    if (p.key == GLFW_KEY_F2) app.showSensitivity = !app.showSensitivity;
    int preset = p.key - GLFW_KEY_1;
    if (preset >= 0 && preset < static_cast<int>(std::min<std::size_t>(presets.size(), 9)))
      app.setScenario(presets[preset].scenario);
  }
}

void placeFirstTime(float x, float y, float w, float h) {
  const ImGuiViewport* v = ImGui::GetMainViewport();
  float usable = v->Size.y - ImGui::GetFrameHeight();  // above the status bar
  ImGui::SetNextWindowPos(ImVec2(v->Pos.x + x * v->Size.x, v->Pos.y + y * usable),
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(w * v->Size.x, h * usable), ImGuiCond_FirstUseEver);
}

void drawHelpWindow(AppState& app) {
  if (!app.showHelp) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  beginWindow("Help", &app.showHelp, ImGuiWindowFlags_AlwaysAutoResize, false);
  if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg)) {
    for (const Shortcut& s : kShortcuts) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.keys);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.action);
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  ImGui::TextWrapped("Any change to the scenario or a racer restarts the race from its start.");
  ImGui::End();
}

void drawStatusBar(AppState& app) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  float height = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + viewport->Size.y - height));
  ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, height));
  ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
  beginWindow("##status", nullptr, flags, true);
  if (ImGui::SmallButton("Help (F1)")) app.showHelp = !app.showHelp;
  ImGui::SameLine();
  if (ImGui::SmallButton("Sensitivity (F2)")) app.showSensitivity = !app.showSensitivity;
  ImGui::SameLine();
  ImGui::Checkbox("Light theme", &app.settings.lightTheme);
  ImGui::SameLine();
  int colormap = static_cast<int>(app.settings.canvas.heatmap.colormap);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::Combo("##colormap", &colormap, kColormapNames, 4))
    app.settings.canvas.heatmap.colormap = static_cast<Colormap>(colormap);
  ImGui::SameLine();
  ImGui::Text("UI %d %%", static_cast<int>(app.settings.uiScale * 100 + 0.5f));
  ImGui::SameLine();
  if (app.statusIsError)
    ImGui::TextColored(ImVec4(1.0f, 0.4f, 0.35f, 1), "%s", app.statusLine.c_str());
  else
    ImGui::TextUnformatted(app.statusLine.c_str());
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace optirace
