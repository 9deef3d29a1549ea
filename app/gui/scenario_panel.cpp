// The scenario: lecture presets, surface and its parameters, noise, threshold and step budget.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "bowl_theory_controls.h"
#include "fit_text.h"
#include "panel_backdrop.h"
#include "panels.h"
#include "race_words.h"
#include "task_controls.h"
#include "typed_surface_editor.h"
#include "value_widget.h"
#include "view_window.h"

namespace optirace {

namespace {

bool surfacePicker(AppState& app) {
  bool changed = false;
  const SurfaceDef& current = app.scenario.surface.def();
  const bool training = app.scenario.task.has_value();
  std::string shown = training ? "Task: " + app.scenario.task->name : std::string(current.title);
  if (const TaskDef* task = training ? findTask(app.scenario.task->name) : nullptr)
    shown = "Task: " + std::string(task->title) + " network";
  if (ImGui::BeginCombo("Surface", shown.c_str())) {
    for (const SurfaceDef* def : allSurfaces()) {
      bool selected = !training && def == &current;
      if (ImGui::Selectable(std::string(def->title).c_str(), selected) && !selected) {
        leaveTask(app);
        app.scenario.surface = Surface(*def);
        app.scenario.settings.view = def->defaultView;
        app.camera = def->defaultView;
        for (RacerSpec& r : app.scenario.racers) r.start = def->defaultStart;
        app.typedEditor.error.clear();
        changed = true;
      }
    }
    bool typed = !training && app.scenario.surface.typed() != nullptr;
    if (ImGui::Selectable("Custom f(x, y)…", typed) && !typed) {
      leaveTask(app);
      switchToTypedSurface(app);  // starts from the current surface's own formula
      changed = true;
    }
    changed |= taskEntries(app);
    ImGui::EndCombo();
  }
  if (app.scenario.task) return taskSettings(app) || changed;
  if (app.scenario.surface.typed()) return typedSurfaceEditor(app) || changed;
  // (current may be gone: a typed surface replaced by a built-in one.)
  textWrappedAtSpaces("f(x, y) = " + std::string(app.scenario.surface.def().formula));
  if (ImGui::SmallButton("Edit as expression")) {
    switchToTypedSurface(app);
    return true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("type this surface's formula and change it (Custom f(x, y))");
  const SurfaceDef& def = app.scenario.surface.def();
  for (std::size_t i = 0; i < def.params.size(); ++i) {
    const SurfaceParamDef& p = def.params[i];
    double value = app.scenario.surface.params()[i];
    bool logScale = p.minValue >= 0 && p.maxValue >= 1e3 && p.name != "angle";
    double lo = logScale ? std::max(p.minValue, 1e-3) : p.minValue;
    double hi = logScale ? std::min(p.maxValue, 1e4) : p.maxValue;
    if (p.name == "a" && def.name == "rosenbrock") lo = -3, hi = 3;
    Surface trial = app.scenario.surface;
    auto problem = [&](double v) { return trial.setParam(p.name, v); };
    if (auto v =
            valueWidget(app, std::string(p.name).c_str(), value, {lo, hi, logScale}, problem)) {
      app.scenario.surface.setParam(p.name, *v);
      changed = true;
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s (valid %s … %s; Ctrl+click to type)", std::string(p.meaning).c_str(),
                        shortNumber(p.minValue).c_str(), shortNumber(p.maxValue).c_str());
  }
  bowlSpectrumLine(app);
  return changed;
}

bool noiseAndBudget(AppState& app) {
  bool changed = false;
  RaceSettings& s = app.scenario.settings;
  auto atLeastZero = [](const char* what) {
    return [what](double v) -> std::optional<std::string> {
      if (v >= 0) return std::nullopt;
      return std::string(what) + " must be >= 0 (typed " + shortNumber(v) + ")";
    };
  };
  if (auto v =
          valueWidget(app, "Noise σ", s.noiseSigma, {0.0, 5.0, false}, atLeastZero("noise σ"))) {
    s.noiseSigma = *v;
    changed = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("stochastic gradients: g = ∇f(w) + σξ, ξ ~ N(0, I)");
  ImU64 seed = s.seed;
  if (ImGui::InputScalar("Seed", ImGuiDataType_U64, &seed)) {
    s.seed = seed;
    changed = true;
  }
  auto positive = [](double v) -> std::optional<std::string> {
    if (v > 0) return std::nullopt;
    return "threshold must be > 0 (typed " + shortNumber(v) + ")";
  };
  if (auto v = valueWidget(app, "Threshold", s.threshold, {1e-12, 1.0, true}, positive)) {
    s.threshold = *v;
    changed = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("a racer has converged once f − f* falls below this");
  auto wholeSteps = [](double v) -> std::optional<std::string> {
    if (v >= 1 && v <= static_cast<double>(kMaxSteps) && v == std::floor(v)) return std::nullopt;
    return "the step budget must be a whole number from 1 to " + std::to_string(kMaxSteps) +
           " (typed " + shortNumber(v) + ")";
  };
  if (auto v = valueWidget(app, "Step budget", static_cast<double>(app.scenario.steps),
                           {1.0, 1e7, true, true}, wholeSteps)) {
    app.scenario.steps = static_cast<long>(std::llround(*v));
    changed = true;
  }
  return changed;
}

// The title, wrapped; "Edit" types one of the user's own (kept through later edits), and
// "Generated" returns to the title that follows the scenario.
void titleEditor(AppState& app) {
  if (!app.scenario.title.empty()) textWrappedAtSpaces(app.scenario.title);
  if (ImGui::SmallButton("Edit title")) ImGui::OpenPopup("title");
  if (ImGui::BeginPopup("title")) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s", app.scenario.title.c_str());
    ImGui::SetNextItemWidth(
        std::min(ImGui::GetMainViewport()->Size.x * 0.8f, ImGui::GetFontSize() * 36));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ImGui::InputText("##title", buf, sizeof buf)) {
      app.scenario.title = buf;
      app.scenario.titleIsGenerated = false;
      app.titleTypedByUser = true;
    }
    if (ImGui::Button("Generated")) {
      app.titleTypedByUser = false;
      app.edited();
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("a title made from the surface, the racers and the noise, kept up to date");
    ImGui::SameLine();
    if (ImGui::Button("Done")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace

void drawScenarioPanel(AppState& app, const std::vector<Preset>& presets) {
  if (!beginPanel(app, Panel::Scenario)) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  std::string keys;  // "1–9, 0, Shift+1, Shift+2": the ten digits as a range
  auto plain =
      std::count_if(presets.begin(), presets.end(), [](const Preset& p) { return !p.shift; });
  if (plain == 10) keys = "1–9, 0";
  for (const Preset& p : presets)
    if (p.shift || plain != 10) keys += (keys.empty() ? "" : ", ") + p.keyName();
  textWrappedAtSpaces("Lecture presets (keys " + keys + ")");
  ImGui::PopStyleColor();
  float buttonW = ImGui::GetFrameHeight() * 1.4f;
  for (std::size_t i = 0; i < presets.size(); ++i) {
    std::string label = presets[i].keyLabel();
    if (i > 0) sameLineIfFits(buttonW);
    if (ImGui::Button(label.c_str(), ImVec2(buttonW, 0))) app.setScenario(presets[i].scenario);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s (%s)", presets[i].scenario.title.c_str(), presets[i].keyName().c_str());
  }
  titleEditor(app);
  ImGui::Separator();
  pushWidthBesideLabels(
      {"Surface", "Noise σ", "Threshold", "Step budget", "Seed", "angle", "Batch size", "Shuffle seed"});
  bool changed = surfacePicker(app);
  if (!app.scenario.task) {  // a task has its own threshold and epochs (task_controls.h)
    ImGui::Separator();
    changed |= noiseAndBudget(app);
  }
  ImGui::PopItemWidth();
  if (changed) app.edited();
  ImGui::End();
}

}  // namespace optirace
