#include "surface.h"

#include <cmath>
#include <utility>

#include "glsl_expression.h"
#include "number_format.h"
#include "surfaces/list.h"

namespace optirace {

namespace {

// The GLSL statements computing surface S's value at `w` from the uniforms uK[].
template <class S>
std::string glslBodyOf() {
  GlslWriter writer;
  std::array<GlslExpression, kMaxSurfaceConstants> k{
      GlslExpression::named("uK[0]"), GlslExpression::named("uK[1]"),
      GlslExpression::named("uK[2]"), GlslExpression::named("uK[3]"),
      GlslExpression::named("uK[4]"), GlslExpression::named("uK[5]"),
      GlslExpression::named("uK[6]"), GlslExpression::named("uK[7]")};
  Vec2T<GlslExpression> w{GlslExpression::named("w.x"), GlslExpression::named("w.y")};
  GlslExpression f = S::template value<GlslExpression>(k, w);
  return writer.statements() + "  return " + f.text() + ";\n";
}

template <class S>
SurfaceDef makeSurfaceDef(int index) {
  return {
      .name = S::name,
      .title = S::title,
      .formula = S::formula,
      .expression = S::expression,
      .params = std::vector<SurfaceParamDef>(S::params.begin(), S::params.end()),
      .defaultView = S::defaultView,
      .defaultStart = S::defaultStart,
      .index = index,
      .prepare = S::prepare,
      .value = [](const SurfaceConstants& k, Vec2 w) { return S::template value<double>(k, w); },
      .gradient = [](const SurfaceConstants& k,
                     Vec2 w) { return S::template gradient<double>(k, w); },
      .minimizers = S::minimizers,
      .minimumValue = S::minimumValue,
      .glslBody = glslBodyOf<S>,
  };
}

template <class... Types, std::size_t... I>
std::vector<const SurfaceDef*> rowsOf(surfaces::TypeList<Types...>, std::index_sequence<I...>) {
  static const SurfaceDef rows[] = {makeSurfaceDef<Types>(static_cast<int>(I))...};
  return {&rows[I]...};
}
template <class... Types>
std::vector<const SurfaceDef*> rowsOf(surfaces::TypeList<Types...> list) {
  return rowsOf(list, std::index_sequence_for<Types...>{});
}

}  // namespace

const std::vector<const SurfaceDef*>& allSurfaces() {
  static const std::vector<const SurfaceDef*> table = rowsOf(surfaces::All{});
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

std::string surfacesGlsl() {
  std::string out = "// Generated from core/surfaces/ at start-up (core/surface.cpp).\n";
  out += "uniform float uK[" + std::to_string(kMaxSurfaceConstants) + "];\n";
  for (const SurfaceDef* def : allSurfaces()) {
    out.append("float surface").append(std::to_string(def->index)).append("(vec2 w) {  // ");
    out.append(def->name).append("\n").append(def->glslBody()).append("}\n");
  }
  out += "float surfaceValue(int index, vec2 w) {\n  switch (index) {\n";
  for (const SurfaceDef* def : allSurfaces()) {
    std::string i = std::to_string(def->index);
    out.append("    case ").append(i).append(": return surface").append(i).append("(w);\n");
  }
  out += "  }\n  return 0.0;\n}\n";
  return out;
}

Surface::Surface(const SurfaceDef& def) : def_(&def) {
  for (size_t i = 0; i < def.params.size(); ++i) params_[i] = def.params[i].defaultValue;
  constants_ = def.prepare(params_);
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
    if (typed_) {
      constants_ = params_;
      searchMinimum();
    } else {
      constants_ = def_->prepare(params_);
    }
    return std::nullopt;
  }
  std::string known;
  for (const SurfaceParamDef& p : def_->params)
    known += (known.empty() ? "" : ", ") + std::string(p.name);
  return std::string(def_->name) + " has no parameter '" + std::string(name) + "' (" +
         (known.empty() ? std::string("it has none") : "it has " + known) + ")";
}

}  // namespace optirace
