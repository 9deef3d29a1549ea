#include "hyper_flags.h"

#include <algorithm>

#include "cli_values.h"

namespace optirace::cli {

std::string hyperFlagName(HyperId id) {
  std::string name(hyperInfo(id).name);
  std::replace(name.begin(), name.end(), '_', '-');
  return "--" + name;
}

void HyperFlags::addTo(CLI::App& cmd, const std::string& what) {
  for (const HyperInfo& info : allHyperInfos()) {
    if (info.isFlag) continue;
    cmd.add_option(hyperFlagName(info.id), values[static_cast<int>(info.id)],
                   what + std::string(info.symbol) + ": " + std::string(info.role) +
                       (info.id == HyperId::ClipNorm ? " (default: no clipping)" : ""));
  }
  cmd.add_flag("--amsgrad", amsgrad, "Adam/AdamW: use AMSGrad's running max of v");
  cmd.add_flag("--no-bias-correction", noBiasCorrection,
               "Adam/AdamW/AMSGrad: m̂ = m and v̂ = v (no division by 1 − βᵗ)");
  cmd.add_option("--schedule", schedule,
                 "learning-rate schedule NAME[:key=value,...], NAME one of " + scheduleNameList() +
                     " (e.g. warmup_cosine:warmup=100,t_max=2000)");
}

Schedule HyperFlags::resolveSchedule() const {
  if (schedule.empty()) return {};
  return parseSchedule("--schedule", schedule);
}

bool HyperFlags::anyGiven() const {
  return amsgrad || noBiasCorrection || !schedule.empty() ||
         std::any_of(std::begin(values), std::end(values),
                     [](const std::string& v) { return !v.empty(); });
}

Hyper HyperFlags::resolve(const OptimizerDef& def) const {
  Hyper hyper = def.defaults;
  for (const HyperInfo& info : allHyperInfos()) {
    const std::string& text = values[static_cast<int>(info.id)];
    bool given = info.id == HyperId::Amsgrad          ? amsgrad
                 : info.id == HyperId::BiasCorrection ? noBiasCorrection
                                                      : !text.empty();
    if (!given) continue;
    std::string flag =
        info.id == HyperId::BiasCorrection ? "--no-bias-correction" : hyperFlagName(info.id);
    if (!def.usesHyper(info.id)) {
      std::string used;
      for (HyperId id : def.uses)
        if (id != HyperId::BiasCorrection) used += (used.empty() ? "" : ", ") + hyperFlagName(id);
      if (info.id == HyperId::BiasCorrection)
        throw InputError(flag + ": " + std::string(def.name) +
                         " has no bias correction to turn off (valid with adam, adamw, amsgrad)");
      throw InputError(flag + ": " + std::string(def.name) + " does not use it (it uses " + used +
                       ")");
    }
    double v = info.id == HyperId::Amsgrad          ? 1.0
               : info.id == HyperId::BiasCorrection ? 0.0
                                                    : parseNumberFlag(flag, text);
    if (!hyperValueValid(info.id, v))
      throw InputError(flag + ": must satisfy " + std::string(info.range) + " (got " + text + ")");
    hyper.set(info.id, v);
  }
  return hyper;
}

}  // namespace optirace::cli
