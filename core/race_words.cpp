#include "race_words.h"

#include <charconv>
#include <set>

#include "network/task.h"
#include "optimizer.h"

namespace optirace {

std::string shortNumber(double v) {
  char buf[32];
  auto result = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, result.ptr);
}

std::string statusWords(const Racer& racer, long budget) {
  if (racer.status() == RacerStatus::Diverged)
    return "diverged at " + std::to_string(racer.divergedAtStep());
  long below = racer.convergedAtStep();
  if (below >= 0) {
    if (racer.current().gap < racer.threshold()) return "converged at " + std::to_string(below);
    return "first below the threshold at " + std::to_string(below) + " (now above)";
  }
  return racer.current().step >= budget ? "budget reached" : "running";
}

std::string thresholdStepWords(const Racer& racer, long budget) {
  if (racer.convergedAtStep() >= 0) return std::to_string(racer.convergedAtStep());
  if (racer.status() == RacerStatus::Diverged) return "—";
  return racer.current().step >= budget ? "never" : "none yet";
}

std::string scheduleWords(const Schedule& schedule) {
  const ScheduleInfo& info = scheduleInfo(schedule.kind);
  std::string words(info.name);
  char sep = ' ';
  if (info.params.size() == 1 && scheduleParamInfo(info.params[0].param).name == info.name) {
    words.clear();  // "warmup=100", not "warmup warmup=100"
    sep = '\0';
  }
  for (const ScheduleParamUse& use : info.params) {
    double v = schedule.value(use.param);
    if (std::isnan(v) || v == use.defaultValue) continue;
    if (sep) words.append(1, sep);
    words.append(scheduleParamInfo(use.param).name).append("=");
    words += shortNumber(v);
    sep = ',';
  }
  return words.empty() ? std::string(info.name) : words;  // every parameter swept or default
}

std::string generatedLabel(const RacerSpec& racer) {
  const OptimizerDef* def = findOptimizer(racer.optimizer);
  if (!def) return racer.optimizer;
  std::string label(def->title);
  bool coupledDecay = def->decay == DecayKind::Coupled && racer.hyper.weightDecay != 0.0;
  if (coupledDecay) label += " + L2";
  for (HyperId id : def->uses) {
    if (id == HyperId::Amsgrad) {
      if (racer.hyper.amsgrad != def->defaults.amsgrad)
        label += racer.hyper.amsgrad ? " (AMSGrad)" : " (no AMSGrad)";
      continue;
    }
    if (id == HyperId::BiasCorrection) {
      if (!racer.hyper.biasCorrection) label += " (no bias correction)";
      continue;
    }
    double value = racer.hyper.get(id);
    if (value == def->defaults.get(id)) continue;
    label.append(" ").append(hyperInfo(id).symbol).append("=").append(shortNumber(value));
  }
  if (racer.hyper.clips()) label.append(" clip=").append(shortNumber(racer.hyper.clipNorm));
  if (!racer.schedule.isConstant()) label.append(", ").append(scheduleWords(racer.schedule));
  return label;
}

std::string generatedTitle(const Scenario& scenario) {
  std::string title(scenario.task ? findTask(scenario.task->name)->title
                                  : scenario.surface.def().title);
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const RacerSpec& r : scenario.racers) {
    if (!r.enabled) continue;
    const OptimizerDef* def = findOptimizer(r.optimizer);
    std::string name = def ? std::string(def->title) : r.optimizer;
    if (seen.insert(name).second) names.push_back(name);
  }
  if (!names.empty()) {
    title += ": ";
    if (names.size() > 4) {
      title += std::to_string(names.size()) + " optimizers";
    } else {
      for (std::size_t i = 0; i < names.size(); ++i) title += (i ? " vs " : "") + names[i];
    }
  }
  if (scenario.task && scenario.task->batchSize > 0)
    title += ", batches of " + std::to_string(scenario.task->batchSize);
  if (!scenario.task && scenario.settings.noiseSigma > 0)
    title += ", noise σ = " + shortNumber(scenario.settings.noiseSigma);
  return title;
}

}  // namespace optirace
