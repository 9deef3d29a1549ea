#include <utility>

#include "list.h"

namespace optirace {

namespace {
template <class... Opts, std::size_t... I>
std::vector<const OptimizerDef*> rowsOf(optimizers::TypeList<Opts...>, std::index_sequence<I...>) {
  static const OptimizerDef rows[] = {makeOptimizerDef<Opts>(static_cast<int>(I))...};
  return {&rows[I]...};
}
template <class... Opts>
std::vector<const OptimizerDef*> rowsOf(optimizers::TypeList<Opts...> list) {
  return rowsOf(list, std::index_sequence_for<Opts...>{});
}
}  // namespace

const std::vector<const OptimizerDef*>& allOptimizers() {
  static const std::vector<const OptimizerDef*> table = rowsOf(optimizers::All{});
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
  if (id == HyperId::ClipNorm) return true;  // every optimizer takes gradient clipping
  for (HyperId u : uses)
    if (u == id) return true;
  return false;
}

}  // namespace optirace
