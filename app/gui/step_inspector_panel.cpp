// The step inspector (I): the selected racer's next step, as its update rule computed it. The
// gradient and where it came from, each line of the rule with its numbers (a mix shown as its
// two parts and their sum), the step's arrows and their toggles. Values come from core
// (OptimizerRun::inspectNextStep), recorded from the step itself.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "fit_text.h"
#include "panel_backdrop.h"
#include "panels.h"
#include "ui_probe.h"

namespace optirace {

namespace {

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

// One row of the table: what, its formula or note, x, y.
void row(const std::string& what, const std::string& formula, Vec2 v, bool scalar = false) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(what.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(formula.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(number(v.x).c_str());
  ImGui::TableNextColumn();
  if (!scalar) ImGui::TextUnformatted(number(v.y).c_str());
}

// A row of words only.
void textRow(const std::string& what, const std::string& text) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(what.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(text.c_str());
}

void gradientRows(const StepInspection& in) {
  const StepTaken& k = in.taken;
  row("w", "the point at step " + std::to_string(k.t - 1), k.w);
  bool lookAhead = !(k.gradientPoint == k.w);
  if (lookAhead) row("p", "look-ahead point", k.gradientPoint);
  row("∇f", lookAhead ? "gradient at p" : "gradient at w", k.surfaceGradient);
  if (k.noise.x != 0.0 || k.noise.y != 0.0) row("σξ", "seeded noise", k.noise);
  if (in.clipped) textRow("", "clipped to ‖g‖ = " + number(k.hyper.clipNorm));
  if (in.coupledDecay.x != 0.0 || in.coupledDecay.y != 0.0)
    row("λ·w", "coupled decay (L2)", in.coupledDecay);
  row("g", "handed to the optimizer", k.g);
}

void ruleRows(const StepInspection& in) {
  for (const StepLine& line : in.lines) {
    switch (line.kind) {
      case StepLine::Kind::Mix: {
        std::size_t plus = line.text.find(" + ");
        row(line.name + " ←", line.text.substr(0, plus), line.first);
        row("", "+ " + line.text.substr(plus + 3), line.second);
        row("", "= " + line.name, line.result);
        break;
      }
      case StepLine::Kind::Note:
        row(line.name, "", line.result, line.scalar);
        break;
      case StepLine::Kind::Descend:
        row("", line.text, line.second);
        row("w ←", "w − " + line.text, line.result);
        break;
      case StepLine::Kind::Shrink:
        row("w ←", "(" + line.text + ")·w, factor " + number(line.second.x), line.result);
        break;
    }
  }
}

void arrowRows(AppState& app, const StepInspection& in) {
  StepArrowStyle& a = app.arrows;
  auto toggleRow = [](const char* label, bool* on, const char* what, Vec2 v) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Checkbox(label, on);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(what);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(number(v.x).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(number(v.y).c_str());
  };
  toggleRow("##step", &a.step, "step taken", in.step());
  toggleRow("##plain", &a.plain, "−η·g: gradient descent's step", in.plainStep);
  if (in.memoryStep) toggleRow("##memory", &a.memory, "carried by memory", *in.memoryStep);
}

}  // namespace

void drawStepInspector(AppState& app) {
  // At the window's right edge, wide enough for its table (34 font heights, at most the
  // window) and tall enough for Adam's lines: it hides the least of a race on the canvas.
  const ImGuiViewport* v = ImGui::GetMainViewport();
  float fs = ImGui::GetFontSize(), top = ImGui::GetFrameHeight() + 0.3f * fs;
  ImVec2 size(std::min(34.0f * fs, 0.95f * v->Size.x), std::min(46.0f * fs, v->Size.y - 2 * top));
  ImGui::SetNextWindowPos(ImVec2(v->Pos.x + v->Size.x - size.x - 0.3f * fs, v->Pos.y + top),
                          ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  if (!app.showInspector) return;
  if (!beginWindow("Step inspector", &app.showInspector, 0, false)) {
    ImGui::End();
    return;
  }
  if (!app.race || app.race->racers().empty()) {
    ImGui::TextUnformatted("No racer to inspect.");
    ImGui::End();
    return;
  }
  const auto& racers = app.race->racers();
  app.selectedRacer = std::clamp(app.selectedRacer, 0, static_cast<int>(racers.size()) - 1);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  if (ImGui::BeginCombo("racer", racers[app.selectedRacer].spec().label.c_str())) {
    for (int i = 0; i < static_cast<int>(racers.size()); ++i)
      if (ImGui::Selectable(racers[i].spec().label.c_str(), i == app.selectedRacer))
        app.selectedRacer = i;
    ImGui::EndCombo();
  }
  ImGui::Checkbox("arrows on the canvas", &app.arrows.shown);
  probeLastItem("inspector arrows");
  sameLineIfFits(buttonWidth("gradient field") + ImGui::GetFrameHeight());
  ImGui::Checkbox("gradient field", &app.arrows.field);
  const Racer& racer = racers[app.selectedRacer];
  if (racer.status() == RacerStatus::Diverged) {
    ImGui::TextWrapped("%s diverged at step %ld: there is no next step to inspect.",
                       racer.spec().label.c_str(), racer.divergedAtStep());
    ImGui::End();
    return;
  }
  StepInspection in = racer.run().inspectNextStep();
  ImGui::TextWrapped("Next step: %ld of %s,  ηₜ = %s", in.taken.t,
                     std::string(racer.optimizer().title).c_str(),
                     number(in.taken.hyper.lr).c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("the step from the point shown; pause and use ← → or the timeline to move");
  ImGui::Separator();
  ImGui::TextWrapped("%s", std::string(racer.optimizer().ruleText).c_str());
  if (app.arrows.shown && app.canvasView.area.w > 0 && !app.view3d.enabled) {
    double k = stepArrowMagnification(in, app.canvasView, app.arrows, app.effectiveScale());
    if (k > 1) ImGui::TextWrapped("(arrows drawn ×%s on the canvas)", number(k).c_str());
  }
  ImGui::Separator();
  // Scrolled sideways in a narrow window rather than squeezing the formulas to nothing.
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                          ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_BordersInnerV;
  if (ImGui::BeginTable("inspection", 4, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 13.5f);
    ImGui::TableSetupColumn("x", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6.5f);
    ImGui::TableSetupColumn("y", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6.5f);
    ImGui::TableHeadersRow();
    gradientRows(in);
    ruleRows(in);
    arrowRows(app, in);
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace optirace
