#include "typed_surface.h"

#include <cfloat>
#include <cmath>

#include "../number_format.h"
#include "expression_eval.h"
#include "minimum_search.h"

namespace optirace {

namespace {

Vec2 startIn(const ViewBox& v) {  // a first start: up and left of the centre
  return {v.xMin + 0.2 * v.width(), v.yMin + 0.8 * v.height()};
}

std::shared_ptr<const TypedDefinition> definitionOf(const std::string& text, const ViewBox& view,
                                                    std::optional<double> fMin) {
  auto d = std::make_shared<TypedDefinition>();
  d->text = text;
  d->tape = compileExpression(text);
  d->view = view;
  d->fMin = fMin;
  d->def.name = kTypedSurfaceName;
  d->def.title = "Custom f(x, y)";
  d->def.formula = d->text;
  d->def.expression = d->text;
  d->def.defaultView = view;
  d->def.defaultStart = startIn(view);
  d->def.index = static_cast<int>(allSurfaces().size());  // the sweep kernel's typed row
  for (const std::string& name : d->tape.params)
    d->def.params.push_back({name, 1.0, -DBL_MAX, DBL_MAX, "a parameter of the expression"});
  return d;
}

std::string paramNames(const ExprTape& tape) {
  std::string out;
  for (const std::string& p : tape.params) out += (out.empty() ? "" : ", ") + p;
  return out.empty() ? "none" : out;
}

}  // namespace

Surface::Surface(std::shared_ptr<const TypedDefinition> typed, const SurfaceParams& params)
    : def_(&typed->def), params_(params), constants_(params), typed_(std::move(typed)) {
  searchMinimum();
}

double Surface::typedValue(Vec2 w) const {
  thread_local std::vector<Dual<double>> slots;
  slots.resize(typed_->tape.code.size());
  return tapeValue<double>(typed_->tape, params_.data(), w, slots.data());
}

Vec2 Surface::typedGradient(Vec2 w) const {
  thread_local std::vector<Dual<double>> slots;
  slots.resize(typed_->tape.code.size());
  return tapeValueAndGradient<double>(typed_->tape, params_.data(), w, slots.data()).gradient;
}

void Surface::searchMinimum() {
  if (typed_->fMin) {
    minimum_.reset();
    return;
  }
  auto f = [this](Vec2 w) { return typedValue(w); };
  auto g = [this](Vec2 w) { return typedGradient(w); };
  minimum_ = std::make_shared<MinimumSearch>(
      optirace::searchMinimum(f, g, typed_->view, static_cast<int>(typed_->tape.code.size())));
}

std::vector<Vec2> Surface::minimizers() const {
  if (!typed_) return def_->minimizers(params_);
  return minimum_ ? minimum_->minimizers : std::vector<Vec2>{};
}

double Surface::minimumValue() const {
  if (!typed_) return def_->minimumValue(params_);
  if (typed_->fMin) return *typed_->fMin;
  return minimum_ && minimum_->found ? minimum_->value : 0.0;
}

bool Surface::hasMinimum() const {
  return !typed_ || typed_->fMin || (minimum_ && minimum_->found);
}

Surface makeTypedSurface(const TypedSurfaceSpec& spec) {
  auto d = definitionOf(spec.text, spec.view.value_or(kTypedDefaultView), spec.fMin);
  const std::vector<std::string>& names = d->tape.params;
  SurfaceParams values{};
  std::vector<bool> given(names.size(), false);
  for (const auto& [name, value] : spec.params) {
    std::size_t i = 0;
    while (i < names.size() && names[i] != name) ++i;
    if (i == names.size())
      throw ExpressionError(
          "a value is given for '" + name +
              "', which the expression does not use (its parameters: " + paramNames(d->tape) + ")",
          0);
    if (!std::isfinite(value))
      throw ExpressionError("parameter " + name + " must be a finite number", 0);
    values[i] = value;
    given[i] = true;
  }
  for (std::size_t i = 0; i < names.size(); ++i)
    if (!given[i])
      throw ExpressionError("parameter '" + names[i] + "' has no value (give one after ';', e.g. " +
                                names[i] + "=1) at column " +
                                std::to_string(d->tape.paramColumns[i]),
                            d->tape.paramColumns[i]);
  return Surface(std::move(d), values);
}

Surface retypedSurface(const Surface& previous, const std::string& text) {
  TypedSurfaceSpec spec;
  spec.text = text;
  if (const TypedDefinition* d = previous.typed()) {
    spec.view = d->view;
    if (text == d->text) spec.fMin = d->fMin;  // a given f* belongs to its text
  } else {
    spec.view = previous.def().defaultView;
  }
  ExprTape tape = compileExpression(text);  // throws before anything else is made
  for (const std::string& name : tape.params) {
    double old = previous.param(name);
    spec.params.push_back({name, std::isnan(old) ? 1.0 : old});
  }
  return makeTypedSurface(spec);
}

TypedSurfaceSpec expressionOf(const Surface& builtIn) {
  TypedSurfaceSpec spec;
  spec.text = std::string(builtIn.def().expression);
  for (std::size_t i = 0; i < builtIn.def().params.size(); ++i)
    spec.params.push_back({std::string(builtIn.def().params[i].name), builtIn.params()[i]});
  spec.view = builtIn.def().defaultView;
  spec.fMin = builtIn.minimumValue();
  return spec;
}

TypedSurfaceSpec specOf(const Surface& typed) {
  const TypedDefinition& d = *typed.typed();
  TypedSurfaceSpec spec{d.text, {}, d.view, d.fMin};
  for (std::size_t i = 0; i < d.tape.params.size(); ++i)
    spec.params.push_back({d.tape.params[i], typed.params()[i]});
  return spec;
}

}  // namespace optirace
