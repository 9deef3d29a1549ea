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
    if (info.id == HyperId::Amsgrad) continue;
    cmd.add_option(hyperFlagName(info.id), values[static_cast<int>(info.id)],
                   what + std::string(info.symbol) + ": " + std::string(info.role));
  }
  cmd.add_flag("--amsgrad", amsgrad, "Adam/AdamW: use AMSGrad's running max of v");
}

bool HyperFlags::anyGiven() const {
  return amsgrad || std::any_of(std::begin(values), std::end(values),
                                [](const std::string& v) { return !v.empty(); });
}

Hyper HyperFlags::resolve(const OptimizerDef& def) const {
  Hyper hyper = def.defaults;
  for (const HyperInfo& info : allHyperInfos()) {
    const std::string& text = values[static_cast<int>(info.id)];
    bool given = info.id == HyperId::Amsgrad ? amsgrad : !text.empty();
    if (!given) continue;
    std::string flag = hyperFlagName(info.id);
    if (!def.usesHyper(info.id)) {
      std::string used;
      for (HyperId id : def.uses) used += (used.empty() ? "" : ", ") + hyperFlagName(id);
      throw InputError(flag + ": " + std::string(def.name) + " does not use it (it uses " + used +
                       ")");
    }
    double v = info.id == HyperId::Amsgrad ? 1.0 : parseNumberFlag(flag, text);
    if (!hyperValueValid(info.id, v))
      throw InputError(flag + ": must satisfy " + std::string(info.range) + " (got " + text + ")");
    hyper.set(info.id, v);
  }
  return hyper;
}

}  // namespace optirace::cli
