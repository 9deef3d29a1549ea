// A loss surface f: R² → R with its analytic gradient, global minimizers and minimum value.
// Each surface is a type in its own header (surfaces/NAME.h) holding its catalogue entry and
// its value and gradient, written once as templates over the number type: double for the race,
// the sweep kernel's lanes, and a symbolic type that writes the heatmap shader's twin
// (glsl_expression.h). surfaces/list.h lists the types. A SurfaceDef is the row built from a
// type; a Surface is a definition with its parameter values filled in, what racers descend.
//
// A surface type provides: name, title, formula, expression, params, defaultView, defaultStart;
// prepare(params) → the constants value and gradient read (SurfaceBase: the parameters);
// template <class T, class K> value(k, w) and gradient(k, w), K an array of constants;
// minimizers(params), minimumValue(params).
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vec2.h"

namespace optirace {

inline constexpr int kMaxSurfaceParams = 8;
using SurfaceParams = std::array<double, kMaxSurfaceParams>;
// What value and gradient read: the parameters, or numbers derived once from them.
inline constexpr int kMaxSurfaceConstants = 8;
using SurfaceConstants = std::array<double, kMaxSurfaceConstants>;

struct SurfaceParamDef {
  std::string_view name;
  double defaultValue;
  double minValue;  // inclusive
  double maxValue;  // inclusive
  std::string_view meaning;
};

template <class T>
struct ValueAndGradient {
  T value;
  Vec2T<T> gradient;
};

// f and ∇f at one point, for the sweep, which needs both at every point: a surface may define
// valueAndGradient to share work between them (Rastrigin's sines and cosines); otherwise the
// compiler shares what value and gradient have in common.
template <class S, class T, class K>
ValueAndGradient<T> valueAndGradientOf(const K& k, Vec2T<T> w) {
  if constexpr (requires { S::template valueAndGradient<T>(k, w); })
    return S::template valueAndGradient<T>(k, w);
  else
    return {S::template value<T>(k, w), S::template gradient<T>(k, w)};
}

struct SurfaceBase {
  static constexpr std::array<SurfaceParamDef, 0> params{};
  static SurfaceConstants prepare(const SurfaceParams& p) {
    SurfaceConstants k{};
    for (int i = 0; i < kMaxSurfaceParams; ++i) k[i] = p[i];
    return k;
  }
};

struct SurfaceDef {
  std::string_view name;        // CLI/JSON name
  std::string_view title;       // shown in the UI
  std::string_view formula;     // shown in the UI and `optirace list`
  std::string_view expression;  // the same f typed as an expression (core/expression/)
  std::vector<SurfaceParamDef> params;
  ViewBox defaultView;  // a good first picture
  Vec2 defaultStart;
  int index = 0;  // position in allSurfaces() (and in the sweep kernel's and shader's tables)

  SurfaceConstants (*prepare)(const SurfaceParams& p);
  double (*value)(const SurfaceConstants& k, Vec2 w);
  Vec2 (*gradient)(const SurfaceConstants& k, Vec2 w);
  std::vector<Vec2> (*minimizers)(const SurfaceParams& p);
  double (*minimumValue)(const SurfaceParams& p);
  // The GLSL statements computing f at `vec2 w` from `uniform float uK[8]` (the constants):
  // the same template as value, instantiated with GlslExpression.
  std::string (*glslBody)();
};

const std::vector<const SurfaceDef*>& allSurfaces();
const SurfaceDef* findSurface(std::string_view name);
std::string surfaceNameList();

// The heatmap shader's surface functions, generated from every surface's definition:
// float surfaceValue(int index, vec2 w), index the surface's SurfaceDef::index.
std::string surfacesGlsl();

struct TypedDefinition;  // core/expression/typed_surface.h
struct MinimumSearch;    // core/expression/minimum_search.h

class Surface {
 public:
  // The definition with its default parameters.
  explicit Surface(const SurfaceDef& def);

  const SurfaceDef& def() const { return *def_; }
  std::string_view name() const { return def_->name; }
  const SurfaceParams& params() const { return params_; }
  const SurfaceConstants& constants() const { return constants_; }
  double param(std::string_view name) const;

  // Sets a named parameter; returns an error message naming it and its range when invalid.
  std::optional<std::string> setParam(std::string_view name, double value);

  double value(Vec2 w) const { return typed_ ? typedValue(w) : def_->value(constants_, w); }
  Vec2 gradient(Vec2 w) const { return typed_ ? typedGradient(w) : def_->gradient(constants_, w); }
  std::vector<Vec2> minimizers() const;
  // f*: known for the built-in surfaces; for a typed one, its f_min or what the search found
  // in its view, and 0 when the search found none (the gap is then f itself).
  double minimumValue() const;
  bool hasMinimum() const;  // false: a typed surface whose minimum the search did not find

  // A surface typed as an expression (core/expression/typed_surface.h), or null.
  const TypedDefinition* typed() const { return typed_.get(); }
  const std::shared_ptr<const TypedDefinition>& typedShared() const { return typed_; }
  // A typed surface with these parameter values (in the order of its definition's params).
  Surface(std::shared_ptr<const TypedDefinition> typed, const SurfaceParams& params);

 private:
  double typedValue(Vec2 w) const;
  Vec2 typedGradient(Vec2 w) const;
  void searchMinimum();

  const SurfaceDef* def_;
  SurfaceParams params_{};
  SurfaceConstants constants_{};
  std::shared_ptr<const TypedDefinition> typed_;
  std::shared_ptr<const MinimumSearch> minimum_;  // typed: the search for these params
};

}  // namespace optirace
