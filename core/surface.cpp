#include "surface.h"

#include <cmath>

#include "number_format.h"
#include "surfaces/all.h"

namespace optirace {

const std::vector<const SurfaceDef*>& allSurfaces() {
  using namespace surfaces;
  static const std::vector<const SurfaceDef*> table = {
      &quadratic, &rosenbrock, &beale,          &himmelblau,
      &saddle,    &rastrigin,  &styblinskiTang, &sixHumpCamel,
  };
  return table;
}

const SurfaceDef* findSurface(std::string_view name) {
  for (const SurfaceDef* def : allSurfaces())
    if (def->name == name) return def;
  return nullptr;
}

std::string surfaceNameList() {
  std::string out;
  for (const SurfaceDef* def : allSurfaces()) {
    if (!out.empty()) out += ", ";
    out += def->name;
  }
  return out;
}

Surface::Surface(const SurfaceDef& def) : def_(&def) {
  for (size_t i = 0; i < def.params.size(); ++i) params_[i] = def.params[i].defaultValue;
}

double Surface::param(std::string_view name) const {
  for (size_t i = 0; i < def_->params.size(); ++i)
    if (def_->params[i].name == name) return params_[i];
  return std::nan("");
}

std::optional<std::string> Surface::setParam(std::string_view name, double value) {
  for (size_t i = 0; i < def_->params.size(); ++i) {
    const SurfaceParamDef& p = def_->params[i];
    if (p.name != name) continue;
    if (!std::isfinite(value) || value < p.minValue || value > p.maxValue)
      return std::string(def_->name) + " parameter " + std::string(name) + " must be in [" +
             formatNumber(p.minValue) + ", " + formatNumber(p.maxValue) + "] (got " +
             formatNumber(value) + ")";
    params_[i] = value;
    return std::nullopt;
  }
  std::string known;
  for (const SurfaceParamDef& p : def_->params)
    known += (known.empty() ? "" : ", ") + std::string(p.name);
  return std::string(def_->name) + " has no parameter '" + std::string(name) + "' (" +
         (known.empty() ? std::string("it has none") : "it has " + known) + ")";
}

}  // namespace optirace
