#pragma once

#include "../surface.h"

namespace optirace::surfaces {

// The banana valley: easy to find, slow to follow to (a, a²).
struct Rosenbrock : SurfaceBase {
  static constexpr std::string_view name = "rosenbrock", title = "Rosenbrock",
                                    formula = "(a − x)² + b·(y − x²)²";
  // The same surface typed as an expression ("edit as expression"; tests hold them equal).
  static constexpr std::string_view expression = "(a - x)^2 + b*(y - x^2)^2";
  static constexpr std::array params{
      SurfaceParamDef{"a", 1.0, -100.0, 100.0, "the minimizer is (a, a²)"},
      SurfaceParamDef{"b", 100.0, 0.0, 1e6, "steepness of the valley walls"}};
  static constexpr ViewBox defaultView{-1.5, 1.5, -0.5, 1.5};
  static constexpr Vec2 defaultStart{-1.0, 0.5};

  template <class T, class K>
  static T value(const K& k, Vec2T<T> w) {
    auto a = k[0], b = k[1];
    T r = w.y - w.x * w.x;
    return (a - w.x) * (a - w.x) + b * r * r;
  }
  template <class T, class K>
  static Vec2T<T> gradient(const K& k, Vec2T<T> w) {
    auto a = k[0], b = k[1];
    T r = w.y - w.x * w.x;
    return {-2.0 * (a - w.x) - 4.0 * b * w.x * r, 2.0 * b * r};
  }
  static std::vector<Vec2> minimizers(const SurfaceParams& p) { return {{p[0], p[0] * p[0]}}; }
  static double minimumValue(const SurfaceParams&) { return 0.0; }
};

}  // namespace optirace::surfaces
