// The scenario: lecture presets, surface and its parameters, noise, threshold and step budget.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "fit_text.h"
#include "panel_backdrop.h"
#include "panels.h"
#include "view_window.h"

namespace optirace {

namespace {

bool surfacePicker(AppState& app) {
  bool changed = false;
  const SurfaceDef& current = app.scenario.surface.def();
  if (ImGui::BeginCombo("Surface", std::string(current.title).c_str())) {
    for (const SurfaceDef* def : allSurfaces()) {
      bool selected = def == &current;
      if (ImGui::Selectable(std::string(def->title).c_str(), selected) && !selected) {
        app.scenario.surface = Surface(*def);
        app.scenario.settings.view = def->defaultView;
        app.camera = def->defaultView;
        for (RacerSpec& r : app.scenario.racers) r.start = def->defaultStart;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  textWrappedAtSpaces("f(x, y) = " + std::string(current.formula));
  const SurfaceDef& def = app.scenario.surface.def();
  for (std::size_t i = 0; i < def.params.size(); ++i) {
    const SurfaceParamDef& p = def.params[i];
    double value = app.scenario.surface.params()[i];
    bool logScale = p.minValue >= 0 && p.maxValue >= 1e3 && p.name != "angle";
    double lo = logScale ? std::max(p.minValue, 1e-3) : p.minValue;
    double hi = logScale ? std::min(p.maxValue, 1e4) : p.maxValue;
    if (p.name == "a" && def.name == "rosenbrock") lo = -3, hi = 3;
    ImGuiSliderFlags flags = logScale ? ImGuiSliderFlags_Logarithmic : 0;
    if (ImGui::SliderScalar(std::string(p.name).c_str(), ImGuiDataType_Double, &value, &lo, &hi,
                            "%.4g", flags)) {
      if (!app.scenario.surface.setParam(p.name, value)) changed = true;
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s (valid %.4g … %.4g; Ctrl+click to type)",
                        std::string(p.meaning).c_str(), p.minValue, p.maxValue);
  }
  return changed;
}

bool noiseAndBudget(AppState& app) {
  bool changed = false;
  RaceSettings& s = app.scenario.settings;
  double sigmaLo = 0.0, sigmaHi = 5.0;
  changed |= ImGui::SliderScalar("Noise σ", ImGuiDataType_Double, &s.noiseSigma, &sigmaLo, &sigmaHi,
                                 "%.3f");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("stochastic gradients: g = ∇f(w) + σξ, ξ ~ N(0, I)");
  ImU64 seed = s.seed;
  if (ImGui::InputScalar("Seed", ImGuiDataType_U64, &seed)) {
    s.seed = seed;
    changed = true;
  }
  double thLo = 1e-12, thHi = 1.0;
  changed |= ImGui::SliderScalar("Threshold", ImGuiDataType_Double, &s.threshold, &thLo, &thHi,
                                 "%.1e", ImGuiSliderFlags_Logarithmic);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("a racer has converged once f − f* falls below this");
  long long steps = app.scenario.steps;
  long long stepsLo = 1, stepsHi = 10'000'000;
  if (ImGui::SliderScalar("Step budget", ImGuiDataType_S64, &steps, &stepsLo, &stepsHi, "%lld",
                          ImGuiSliderFlags_Logarithmic)) {
    app.scenario.steps = static_cast<long>(std::clamp<long long>(steps, 1, kMaxSteps));
    changed = true;
  }
  if (s.threshold <= 0 || !std::isfinite(s.threshold)) s.threshold = 1e-6;
  if (s.noiseSigma < 0 || !std::isfinite(s.noiseSigma)) s.noiseSigma = 0;
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
  ImGui::TextDisabled("Lecture presets (keys 1–%d)", static_cast<int>(presets.size()));
  float buttonW = ImGui::GetFrameHeight() * 1.4f;
  for (std::size_t i = 0; i < presets.size(); ++i) {
    std::string label = std::to_string(i + 1);
    if (i > 0) sameLineIfFits(buttonW);
    if (ImGui::Button(label.c_str(), ImVec2(buttonW, 0))) app.setScenario(presets[i].scenario);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", presets[i].scenario.title.c_str());
  }
  titleEditor(app);
  ImGui::Separator();
  pushWidthBesideLabels({"Surface", "Noise σ", "Threshold", "Step budget", "Seed", "angle"});
  bool changed = surfacePicker(app);
  ImGui::Separator();
  changed |= noiseAndBudget(app);
  ImGui::PopItemWidth();
  if (changed) app.edited();
  ImGui::End();
}

}  // namespace optirace
