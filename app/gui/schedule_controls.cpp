#include "schedule_controls.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "race_words.h"
#include "ui_probe.h"
#include "value_widget.h"

namespace optirace {

namespace {
constexpr const char* kClipLabel = "clip ‖g‖ to c";

// A new schedule's required parameters, chosen from the step budget so that its shape fills
// the race: warmup over the first tenth, cosine to the end, halving four times, 1 % at the end.
Schedule scheduleForBudget(ScheduleKind kind, long budget) {
  double steps = static_cast<double>(std::max(2L, budget));
  Schedule s;
  s.kind = kind;
  for (const ScheduleParamUse& use : scheduleInfo(kind).params) {
    if (!std::isnan(use.defaultValue)) continue;
    switch (use.param) {
      case ScheduleParam::Warmup:
        s.set(use.param, std::max(1.0, std::round(steps / 10)));
        break;
      case ScheduleParam::TMax:
        s.set(use.param, steps);
        break;
      case ScheduleParam::StepSize:
        s.set(use.param, std::max(1.0, std::round(steps / 4)));
        s.set(ScheduleParam::Gamma, 0.5);
        break;
      case ScheduleParam::Gamma:
        s.set(use.param, std::pow(0.01, 1.0 / steps));
        break;
      case ScheduleParam::EtaMin:
        break;
    }
  }
  return s;
}

bool schedulePicker(RacerSpec& r, long budget) {
  bool changed = false;
  if (ImGui::BeginCombo("Schedule", std::string(scheduleInfo(r.schedule.kind).title).c_str())) {
    for (const ScheduleInfo& info : allSchedules())
      if (ImGui::Selectable(std::string(info.title).c_str(), info.kind == r.schedule.kind) &&
          info.kind != r.schedule.kind) {
        r.schedule = scheduleForBudget(info.kind, budget);
        changed = true;
      }
    ImGui::EndCombo();
  }
  probeLastItem("schedule combo");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("how η changes over the steps (k = steps already taken)\n%s",
                      std::string(scheduleInfo(r.schedule.kind).formula).c_str());
  return changed;
}

bool scheduleParams(AppState& app, RacerSpec& r) {
  bool changed = false;
  for (const ScheduleParamUse& use : scheduleInfo(r.schedule.kind).params) {
    const ScheduleParamInfo& info = scheduleParamInfo(use.param);
    std::string label(info.name);
    auto problem = [&](double v) -> std::optional<std::string> {
      Schedule trial = r.schedule;
      trial.set(use.param, v);
      if (auto why = validateSchedule(trial)) return "schedule: " + *why;
      return std::nullopt;
    };
    bool whole = info.id != ScheduleParam::Gamma && info.id != ScheduleParam::EtaMin;
    ValueScale scale{info.dragLo, info.dragHi, info.logarithmic, whole};
    if (info.id == ScheduleParam::EtaMin) scale.hi = std::max(r.hyper.lr, 1e-12);
    if (auto v = valueWidget(app, label.c_str(), r.schedule.value(use.param), scale, problem)) {
      r.schedule.set(use.param, *v);
      changed = true;
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s\nvalid: %s", std::string(info.role).c_str(),
                        std::string(info.range).c_str());
  }
  return changed;
}

// η(t) over the budget, the race's current step marked in the racer's colour.
void learningRatePlot(const AppState& app, const RacerSpec& r) {
  long budget = std::max(1L, app.scenario.steps);
  int samples = static_cast<int>(std::min(budget, 240L));
  std::vector<float> lr(static_cast<size_t>(samples));
  double top = 0;
  for (int i = 0; i < samples; ++i) {
    long k = samples == 1 ? 0 : std::lround(double(i) * double(budget - 1) / (samples - 1));
    double value = scheduledLr(r.schedule, r.hyper.lr, k);
    lr[static_cast<size_t>(i)] = static_cast<float>(value);
    top = std::max(top, value);
  }
  ImGui::TextDisabled("ηₜ over the %ld steps (top %s):", budget, shortNumber(top).c_str());
  float width = ImGui::GetContentRegionAvail().x, height = ImGui::GetFrameHeight() * 2.5f;
  ImGui::PlotLines("##lr", lr.data(), samples, 0, nullptr, 0.0f, static_cast<float>(top) * 1.05f,
                   ImVec2(width, height));
  ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
  if (app.race && budget > 1) {
    float f = static_cast<float>(std::min(app.race->stepsTaken(), budget)) / float(budget);
    float x = lo.x + f * (hi.x - lo.x);
    ImU32 colour =
        IM_COL32((r.colorRgb >> 16) & 255, (r.colorRgb >> 8) & 255, r.colorRgb & 255, 255);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, lo.y), ImVec2(x, hi.y), colour,
                                        std::max(2.0f, ImGui::GetFontSize() / 8));
  }
}
}  // namespace

bool scheduleControls(AppState& app, RacerSpec& r) {
  bool changed = schedulePicker(r, app.scenario.steps);
  changed |= scheduleParams(app, r);
  if (!r.schedule.isConstant() && !validateSchedule(r.schedule)) learningRatePlot(app, r);
  return changed;
}

bool clipControls(AppState& app, RacerSpec& r) {
  bool changed = false;
  bool clips = r.hyper.clips();
  if (ImGui::Checkbox("clip ‖g‖", &clips)) {
    r.hyper.clipNorm = clips ? 1.0 : INFINITY;
    changed = true;
  }
  probeLastItem("clip checkbox");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "gradient clipping (clip_grad_norm_): g ← g·min(1, c/(‖g‖ + 1e-6)),\n"
        "after the noise, before coupled weight decay");
  if (clips) {
    const HyperInfo& info = hyperInfo(HyperId::ClipNorm);
    auto problem = [&](double v) -> std::optional<std::string> {
      if (hyperValueValid(HyperId::ClipNorm, v)) return std::nullopt;
      return "c clip_norm must satisfy " + std::string(info.range) + " (typed " + shortNumber(v) +
             ")";
    };
    ValueScale scale{info.dragLo, info.dragHi, info.logarithmic};
    if (auto v = valueWidget(app, kClipLabel, r.hyper.clipNorm, scale, problem)) {
      r.hyper.clipNorm = *v;
      changed = true;
    }
  }
  return changed;
}

float scheduleLabelsWidth() {
  float widest = ImGui::CalcTextSize("Schedule").x;
  widest = std::max(widest, ImGui::CalcTextSize(kClipLabel).x);
  for (const ScheduleParamInfo& info : allScheduleParams())
    widest = std::max(widest, ImGui::CalcTextSize(std::string(info.name).c_str()).x);
  return widest;
}

}  // namespace optirace
