#include "bowl_theory_controls.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "bowl_theory.h"
#include "fit_text.h"

namespace optirace {

namespace {
std::string rounded(double v, int digits) {  // for reading, not for reading back
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}
}  // namespace

void bowlSpectrumLine(const AppState& app) {
  std::optional<BowlSpectrum> s = bowlSpectrum(app.scenario.surface);
  if (!s) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  textWrappedAtSpaces("Hessian eigenvalues λ₁ = " + rounded(s->lambdaMin, 4) +
                      ", λ₂ = " + rounded(s->lambdaMax, 4) + ", κ = " + rounded(s->kappa(), 4));
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "∇²f has eigenvalues 2a and 2b; κ = λ₂/λ₁ sets how slow GD is: its best "
        "rate is (κ − 1)/(κ + 1), heavy ball's (√κ − 1)/(√κ + 1)");
}

int tintUnstableLr(const AppState& app, const RacerSpec& racer) {
  if (!lrPastStableLimit(app.scenario, racer)) return 0;
  ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.65f, 0.12f, 0.1f, 0.85f));
  ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, ImVec4(0.75f, 0.15f, 0.12f, 0.9f));
  return 2;
}

bool bowlTheoryLine(const AppState& app, RacerSpec& racer) {
  std::optional<BowlPrediction> p = predictOnBowl(racer, app.scenario.surface);
  if (!p) return false;
  bool stable = racer.hyper.lr < p->stableLrBelow;
  std::string text = "Theory: converges for η < " + rounded(p->stableLrBelow, 3) + "; ";
  text += stable ? "error × " + rounded(p->rate, 4) + " per step"
                 : "diverges (error × " + rounded(p->rate, 4) + " per step)";
  ImGui::PushStyleColor(ImGuiCol_Text, stable ? ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled)
                                              : ImVec4(0.95f, 0.35f, 0.3f, 1));
  textWrappedAtSpaces(text);
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Along each eigenvector the step is a fixed linear map in h = ηλ; the error shrinks by "
        "its spectral radius per step, the gap by its square: the dashed line on the loss plot");
  std::optional<BowlOptimum> best = optimalOnBowl(racer, app.scenario.surface);
  if (!best) return false;
  bool momentum = p->method == BowlMethod::HeavyBall;
  std::string label = momentum ? "Optimal η, β" : "Optimal η";
  if (ImGui::Button(label.c_str())) {
    racer.hyper.lr = best->lr;
    if (momentum) racer.hyper.beta1 = best->beta1;
    return true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(momentum ? "η = (2/(√λ₁ + √λ₂))² = %s, β = ((√κ − 1)/(√κ + 1))² = %s:\n"
                                 "error × %s per step"
                               : "η = 2/(λ₁ + λ₂) = %s%s: error × %s per step",
                      rounded(best->lr, 4).c_str(), momentum ? rounded(best->beta1, 4).c_str() : "",
                      rounded(best->rate, 4).c_str());
  return false;
}

}  // namespace optirace
