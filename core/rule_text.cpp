#include "rule_text.h"

#include "race_words.h"

namespace optirace {

namespace {
void replaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}
}  // namespace

std::string ruleTextFor(const RacerSpec& racer) {
  const OptimizerDef* def = findOptimizer(racer.optimizer);
  if (!def) return {};
  std::string rule(def->ruleText);
  if (!racer.hyper.biasCorrection) {  // the Adam family's m̂ and v̂ lines
    replaceAll(rule, "m / (1 − β₁ᵗ)", "m");
    replaceAll(rule, "v_max / (1 − β₂ᵗ)", "v_max");
    replaceAll(rule, "v / (1 − β₂ᵗ)", "v");
    rule += "\n(no bias correction: m̂ and v̂ are the raw moments)";
  }
  std::string out;
  if (racer.hyper.clips())
    out += "g ← g·min(1, c / (‖g‖ + 10⁻⁶)),  c = " + shortNumber(racer.hyper.clipNorm) + "\n";
  if (!racer.schedule.isConstant()) {
    replaceAll(rule, "η", "ηₜ");
    std::string formula(scheduleInfo(racer.schedule.kind).formula);
    out += formula + "   (k = t − 1)\n";
  }
  return out + rule;
}

}  // namespace optirace
