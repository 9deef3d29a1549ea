#include "all.h"

namespace optirace {

const std::vector<const OptimizerDef*>& allOptimizers() {
  using namespace optimizers;
  static const std::vector<const OptimizerDef*> table = {
      &sgd,     &momentum, &nesterov, &adagrad, &rmsprop,  &adam, &adamw,
      &amsgrad, &nadam,    &radam,    &adamax,  &adadelta, &lion,
  };
  return table;
}

const OptimizerDef* findOptimizer(std::string_view name) {
  for (const OptimizerDef* def : allOptimizers())
    if (def->name == name) return def;
  return nullptr;
}

std::string optimizerNameList() {
  std::string out;
  for (const OptimizerDef* def : allOptimizers()) {
    if (!out.empty()) out += ", ";
    out += def->name;
  }
  return out;
}

bool OptimizerDef::usesHyper(HyperId id) const {
  for (HyperId u : uses)
    if (u == id) return true;
  return false;
}

}  // namespace optirace
