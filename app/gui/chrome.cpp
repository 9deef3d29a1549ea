// Keyboard shortcuts, the Help window that lists them, the status bar and the problem panel.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "fit_text.h"
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
    {"→ / ←", "one step on / back (back: the race run again to there)"},
    {"R", "reset the race to its start"},
    {"S", "screenshot (PNG, size and folder in Export)"},
    {"1 … 9, 0", "load a lecture preset"},
    {"P or F11", "presentation mode (Esc leaves it)"},
    {"Ctrl Z / Ctrl Shift Z", "undo / redo a scenario edit (also Ctrl Y)"},
    {"Ctrl + / Ctrl −", "UI scale up / down (Ctrl 0: 100 %)"},
    {"F1", "this help"},
    {"F2", "the Sensitivity panel: hyperparameter sweeps and basin maps"},
    {"I", "the step inspector: the selected racer's next step, line by line, with arrows"},
    {"V", "the canvas in 3-D and back (drag: orbit, wheel: zoom, Fit view: reset)"},
    {"drag", "pan the canvas (3-D: orbit)"},
    {"wheel", "zoom about the cursor (3-D: toward the centre)"},
    {"Shift + click", "set the selected racer's start point"},
    {"drag a value", "change it (Shift: faster, Alt: finer)"},
    {"Ctrl + click a value", "type an exact value"},
};
// Key presses since the last frame, in order. ImGui 1.86 only sees whether a key is down at
// the start of a frame, so a tap shorter than a frame (or two taps) would be lost.
struct KeyPress {
  int key;
  bool ctrl, shift;
  bool repeat;
};
std::vector<KeyPress> pendingPresses;

// A widget has the keyboard: a text field, a held slider, an open combo, menu or popup. Single
// keys then belong to it, never to the shortcuts.
bool widgetHasKeyboard() {
  return ImGui::GetIO().WantTextInput || ImGui::IsAnyItemActive() ||
         ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
}
}  // namespace

void recordKeyPress(int key, int action, int mods) {
  if (action == GLFW_PRESS || action == GLFW_REPEAT)
    pendingPresses.push_back(
        {key, (mods & GLFW_MOD_CONTROL) != 0, (mods & GLFW_MOD_SHIFT) != 0, action == GLFW_REPEAT});
}

void handleShortcuts(AppState& app, const std::vector<Preset>& presets) {
  std::vector<KeyPress> presses;
  presses.swap(pendingPresses);
  if (widgetHasKeyboard()) return;
  for (const KeyPress& p : presses) {
    if (p.ctrl) {
      if (p.key == GLFW_KEY_EQUAL || p.key == GLFW_KEY_KP_ADD)
        app.settings.uiScale = std::min(app.settings.uiScale + 0.25f, kMaxUiScale);
      if (p.key == GLFW_KEY_MINUS || p.key == GLFW_KEY_KP_SUBTRACT)
        app.settings.uiScale = std::max(app.settings.uiScale - 0.25f, kMinUiScale);
      if (p.key == GLFW_KEY_0) app.settings.uiScale = 1.0f;
      if (p.key == GLFW_KEY_Z) p.shift ? app.redo() : app.undo();
      if (p.key == GLFW_KEY_Y) app.redo();
      continue;
    }
    if (p.key == GLFW_KEY_RIGHT) app.stepOn(1);                  // repeats while held
    if (p.key == GLFW_KEY_LEFT && (app.race || app.taskRace)) {  // one step back: the race
      app.playing = false;                                       // run again to there
      app.seekStep(app.stepShown() - 1);
    }
    if (p.repeat) continue;
    if (p.key == GLFW_KEY_SPACE) app.playing = !app.playing;
    if (p.key == GLFW_KEY_R) app.backToStart();
    if (p.key == GLFW_KEY_S) app.screenshotRequested = true;
    if (p.key == GLFW_KEY_F1) app.showHelp = !app.showHelp;
    if (p.key == GLFW_KEY_F2) app.showSensitivity = !app.showSensitivity;
    // The inspector and the 3-D view belong to races on surfaces, not to a task's views.
    if (p.key == GLFW_KEY_I && !app.taskRace) app.showInspector = !app.showInspector;
    if (p.key == GLFW_KEY_V && !app.taskRace) app.view3d.enabled = !app.view3d.enabled;
    if (p.key == GLFW_KEY_F11 || p.key == GLFW_KEY_P) app.presenting = !app.presenting;
    if (p.key == GLFW_KEY_ESCAPE) app.presenting = false;
    if (p.key >= GLFW_KEY_0 && p.key <= GLFW_KEY_9)
      if (const Preset* preset =
              presetForKey(presets, static_cast<char>('0' + p.key - GLFW_KEY_0), p.shift))
        app.setScenario(preset->scenario);
  }
}

void placeFloating(const AppState& app, float x, float y, float w, float h) {
  // Over the canvas, as fractions of it, when it first appears; ImGui keeps it on screen.
  PanelLayout::Rect r = app.layout.rectOf(Panel::Race);
  ImVec2 size(r.max.x - r.min.x, r.max.y - r.min.y);
  ImGui::SetNextWindowPos(ImVec2(r.min.x + x * size.x, r.min.y + y * size.y), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w * size.x, h * size.y), ImGuiCond_Appearing);
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
  ImGui::TextUnformatted("Any change to the scenario or a racer restarts the race from its start.");
  ImGui::End();
}

namespace {
// The presentation mode's hint, in a smaller font than the panels'.
float presentationHintFontSize() {
  return ImGui::GetFontSize() * 0.6f;
}
}  // namespace

float presentationHintHeight() {
  const float size = presentationHintFontSize();
  return size + 2 * (size * 0.4f) + 2;  // the text, its padding, a margin
}

float drawStatusBar(AppState& app) {
  if (app.presenting) {
    // A small hint in the corner instead of the bar, in a strip below the panels (over them it
    // covered the Leaderboard's last line at 720 p): how to leave.
    const ImGuiViewport* v = ImGui::GetMainViewport();
    const char* hint = "P / Esc: leave presentation mode";
    ImFont* font = ImGui::GetFont();
    float size = presentationHintFontSize(), pad = size * 0.4f;
    ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0.0f, hint);
    ImVec2 max(v->Pos.x + v->Size.x - 2, v->Pos.y + v->Size.y - 2);
    ImVec2 min(max.x - text.x - 2 * pad, max.y - text.y - 2 * pad);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.8f), pad);
    draw->AddText(font, size, ImVec2(min.x + pad, min.y + pad),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
    return 0.0f;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  float height = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + viewport->Size.y - height));
  ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, height));
  ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));  // exactly one line high
  beginWindow("##status", nullptr, flags, true);
  // One line: what does not fit ends in "…", and the whole text is in the tooltip and, for a
  // problem, in the panel above the bar.
  const std::string& line = app.statusLine;
  float avail = ImGui::GetContentRegionAvail().x;
  std::string shown = fitWithEllipsis(line, avail);
  if (app.statusIsError)
    ImGui::TextColored(
        app.settings.lightTheme ? ImVec4(0.7f, 0.05f, 0.0f, 1) : ImVec4(1.0f, 0.45f, 0.4f, 1), "%s",
        shown.c_str());
  else
    ImGui::TextUnformatted(shown.c_str());
  if (shown != line && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  return height;
}

void drawProblemPanel(AppState& app) {
  if (!app.statusIsError || app.errorDismissed || app.statusLine.empty()) return;
  const ImGuiViewport* v = ImGui::GetMainViewport();
  float width = std::min(v->Size.x * 0.9f, ImGui::GetFontSize() * 40);
  ImGui::SetNextWindowPos(
      ImVec2(v->Pos.x + v->Size.x * 0.5f, v->Pos.y + v->Size.y - ImGui::GetFrameHeight() * 1.5f),
      ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, v->Size.y * 0.6f));
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                           ImGuiWindowFlags_NoFocusOnAppearing;
  bool open = true;
  beginWindow("Problem", &open, flags, false);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(app.statusLine.c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::Button("Dismiss")) open = false;
  ImGui::End();
  if (!open) app.errorDismissed = true;
}

}  // namespace optirace
