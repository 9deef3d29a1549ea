// The racers: add, remove, duplicate, enable, colour, label; per racer its optimizer, the
// sliders that optimizer uses (each with its role in the formula), clipping, the schedule, its
// rule and start point.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "bowl_theory_controls.h"
#include "fit_text.h"
#include "panel_backdrop.h"
#include "panels.h"
#include "race_words.h"
#include "rule_text.h"
#include "schedule_controls.h"
#include "ui_probe.h"
#include "value_widget.h"
#include "view_window.h"

namespace optirace {

namespace {

bool optimizerCombo(RacerSpec& r) {
  bool changed = false;
  const OptimizerDef* current = findOptimizer(r.optimizer);
  bool open = ImGui::BeginCombo("Optimizer", current ? std::string(current->title).c_str() : "?");
  probeLastItem("optimizer combo");
  if (open) {
    for (const OptimizerDef* def : allOptimizers()) {
      if (ImGui::Selectable(std::string(def->title).c_str(), def == current) && def != current) {
        // A new optimizer starts from its own defaults, keeping η (the slider people compare).
        double lr = r.hyper.lr;
        r.optimizer = std::string(def->name);
        r.hyper = def->defaults;
        r.hyper.lr = lr;
        if (current && r.label == current->title) r.labelIsGenerated = true;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool hyperSliders(AppState& app, RacerSpec& r, const OptimizerDef& def) {
  bool changed = false;
  for (HyperId id : def.uses) {
    const HyperInfo& info = hyperInfo(id);
    std::string label = std::string(info.symbol) + "  " + std::string(info.name);
    if (info.isFlag) {
      bool on = r.hyper.get(id) != 0.0;
      if (ImGui::Checkbox(label.c_str(), &on)) {
        r.hyper.set(id, on ? 1.0 : 0.0);
        changed = true;
      }
      probeLastItem(("checkbox " + std::string(info.name)).c_str());
    } else {
      auto problem = [&](double v) -> std::optional<std::string> {
        if (hyperValueValid(id, v)) return std::nullopt;
        return std::string(info.symbol) + " " + std::string(info.name) + " must satisfy " +
               std::string(info.range) + " (typed " + shortNumber(v) + ")";
      };
      ValueScale scale{info.dragLo, info.dragHi, info.logarithmic};
      int tints = id == HyperId::Lr ? tintUnstableLr(app, r) : 0;  // past the bowl's limit
      std::optional<double> v = valueWidget(app, label.c_str(), r.hyper.get(id), scale, problem);
      ImGui::PopStyleColor(tints);
      if (v) {
        r.hyper.set(id, *v);
        changed = true;
      }
      probeLastItem(("slider " + std::string(info.name)).c_str());
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s\nvalid: %s\ndrag (Shift: faster, Alt: finer); Ctrl+click to type",
                        std::string(info.role).c_str(), std::string(info.range).c_str());
  }
  return changed;
}

// The widest label beside the details' widgets, so that sliders leave room for it.
float detailsLabelWidth() {
  float widest = 0;
  for (const char* l : {"Label", "Colour", "Optimizer", "Start x, y"})
    widest = std::max(widest, ImGui::CalcTextSize(l).x);
  for (const HyperInfo& info : allHyperInfos()) {
    if (info.isFlag || info.id == HyperId::ClipNorm) continue;  // checkboxes; clipControls'
    std::string label = std::string(info.symbol) + "  " + std::string(info.name);
    widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
  }
  return std::max(widest, scheduleLabelsWidth());
}

bool startEditor(RacerSpec& r) {
  double start[2] = {r.start.x, r.start.y};
  bool changed = false;
  if (ImGui::InputScalarN("Start x, y", ImGuiDataType_Double, start, 2, nullptr, nullptr, "%.4g",
                          ImGuiInputTextFlags_EnterReturnsTrue)) {
    if (std::isfinite(start[0]) && std::isfinite(start[1])) {
      r.start = {start[0], start[1]};
      changed = true;
    }
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("or Shift+click on the canvas");
  return changed;
}

bool racerDetails(AppState& app, RacerSpec& r) {
  bool changed = false;
  char label[128];
  std::snprintf(label, sizeof label, "%s", r.label.c_str());
  // A label longer than the field beside its caption (a narrow panel at a large UI scale) gets
  // the panel's whole width under the caption, so the lecturer reads all of it.
  const float textWidth =
      ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x + ImGui::GetFontSize();
  const bool fitsBeside = textWidth <= ImGui::CalcItemWidth();
  if (!fitsBeside) {
    ImGui::TextUnformatted("Label");
    ImGui::SetNextItemWidth(-FLT_MIN);
  }
  // One ID either way ("###"), so a label growing past the field while typed keeps the focus.
  if (ImGui::InputText(fitsBeside ? "Label###racer label" : "###racer label", label,
                       sizeof label)) {
    r.label = label;
    r.labelIsGenerated = false;  // named by the user: kept through later edits
    changed = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(r.labelIsGenerated ? "generated from the optimizer and its settings"
                                         : "typed; clear it to have it generated again");
  if (r.label.empty() && !ImGui::IsItemActive()) {
    r.labelIsGenerated = true;
    changed = true;
  }
  float colour[3] = {((r.colorRgb >> 16) & 255) / 255.f, ((r.colorRgb >> 8) & 255) / 255.f,
                     (r.colorRgb & 255) / 255.f};
  if (ImGui::ColorEdit3("Colour", colour, ImGuiColorEditFlags_NoInputs)) {
    auto byte = [](float v) {
      return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.f, 1.f) * 255));
    };
    r.colorRgb = (byte(colour[0]) << 16) | (byte(colour[1]) << 8) | byte(colour[2]);
    changed = true;
  }
  changed |= optimizerCombo(r);
  const OptimizerDef* def = findOptimizer(r.optimizer);
  if (!def) return changed;
  changed |= hyperSliders(app, r, *def);
  if (!app.scenario.task) changed |= bowlTheoryLine(app, r);
  changed |= clipControls(app, r);
  changed |= scheduleControls(app, r);
  if (!app.scenario.task) changed |= startEditor(r);  // a task's racers share its weights
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  textWrappedAtSpaces(std::string(app.scenario.task ? "Update rule (g = ∇L over the batch"
                                                    : "Update rule (g = ∇f + noise") +
                      (def->decay == DecayKind::Coupled ? " + λw" : "") + "):");
  ImGui::PopStyleColor();
  bool light = app.settings.lightTheme;
  ImGui::PushStyleColor(ImGuiCol_Text,
                        light ? ImVec4(0.05f, 0.25f, 0.55f, 1) : ImVec4(0.55f, 0.8f, 1.0f, 1));
  textWrappedAtSpaces(ruleTextFor(r));
  ImGui::PopStyleColor();
  return changed;
}

}  // namespace

void drawRacersPanel(AppState& app) {
  if (!beginPanel(app, Panel::Racers)) return;
  auto& racers = app.scenario.racers;
  bool changed = false;
  if (ImGui::Button("Add racer")) {
    const OptimizerDef& adam = *findOptimizer("adam");
    racers.push_back({std::string(adam.title), "adam", adam.defaults,
                      app.scenario.surface.def().defaultStart, paletteColor(racers.size()), true,
                      true});
    app.selectedRacer = static_cast<int>(racers.size()) - 1;
    changed = true;
  }
  sameLineIfFits(buttonWidth("Duplicate"));
  if (ImGui::Button("Duplicate") && !racers.empty()) {
    RacerSpec copy = racers[app.selectedRacer];
    if (!copy.labelIsGenerated) copy.label += " (copy)";
    copy.colorRgb = paletteColor(racers.size());
    racers.insert(racers.begin() + app.selectedRacer + 1, copy);
    ++app.selectedRacer;
    changed = true;
  }
  sameLineIfFits(buttonWidth("Remove"));
  ImGui::BeginDisabled(racers.size() <= 1);
  if (ImGui::Button("Remove")) {
    racers.erase(racers.begin() + app.selectedRacer);
    app.selectedRacer = std::min<int>(app.selectedRacer, static_cast<int>(racers.size()) - 1);
    changed = true;
  }
  ImGui::EndDisabled();

  for (std::size_t i = 0; i < racers.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    RacerSpec& r = racers[i];
    changed |= ImGui::Checkbox("##enabled", &r.enabled);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("enabled: races and is drawn");
    ImGui::SameLine();
    ImVec4 c(((r.colorRgb >> 16) & 255) / 255.f, ((r.colorRgb >> 8) & 255) / 255.f,
             (r.colorRgb & 255) / 255.f, 1);
    ImGui::ColorButton("##swatch", c, ImGuiColorEditFlags_NoTooltip,
                       ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
    ImGui::SameLine();
    std::string shown = fitWithEllipsis(r.label, ImGui::GetContentRegionAvail().x);
    if (ImGui::Selectable(shown.c_str(), app.selectedRacer == static_cast<int>(i)))
      app.selectedRacer = static_cast<int>(i);
    if (shown != r.label && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.label.c_str());
    ImGui::PopID();
  }
  ImGui::Separator();
  if (!racers.empty()) {
    app.selectedRacer = std::clamp(app.selectedRacer, 0, static_cast<int>(racers.size()) - 1);
    ImGui::PushID("details");
    pushWidthBesideLabel(detailsLabelWidth());
    changed |= racerDetails(app, racers[app.selectedRacer]);
    ImGui::PopItemWidth();
    ImGui::PopID();
  }
  if (changed) app.edited();
  ImGui::End();
}

}  // namespace optirace
