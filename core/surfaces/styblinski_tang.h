#pragma once

#include "../surface.h"

namespace optirace::surfaces {

// Four basins of different depth: the global one at (−2.9035, −2.9035).
struct StyblinskiTang : SurfaceBase {
  static constexpr std::string_view name = "styblinski-tang", title = "Styblinski–Tang",
                                    formula = "½·(x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)";
  // The same surface typed as an expression ("edit as expression"; tests hold them equal).
  static constexpr std::string_view expression = "0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)";
  static constexpr ViewBox defaultView{-5.0, 5.0, -5.0, 5.0};
  static constexpr Vec2 defaultStart{4.5, 0.5};

  template <class T, class K>
  static T value(const K&, Vec2T<T> w) {
    auto term = [](T t) { return t * t * t * t - 16.0 * t * t + 5.0 * t; };
    return 0.5 * (term(w.x) + term(w.y));
  }
  template <class T, class K>
  static Vec2T<T> gradient(const K&, Vec2T<T> w) {
    auto slope = [](T t) { return 2.0 * t * t * t - 16.0 * t + 2.5; };
    return {slope(w.x), slope(w.y)};
  }
  static std::vector<Vec2> minimizers(const SurfaceParams&) {
    return {{-2.903534027771177, -2.903534027771177}};
  }
  static double minimumValue(const SurfaceParams&) { return -78.33233140754282; }
};

}  // namespace optirace::surfaces
