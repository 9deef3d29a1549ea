#pragma once

#include "../surface.h"

namespace optirace::surfaces {

// Six local minima, two of them global and symmetric through the origin.
struct SixHumpCamel : SurfaceBase {
  static constexpr std::string_view name = "six-hump-camel", title = "Six-hump camel",
                                    formula = "(4 − 2.1x² + x⁴/3)·x² + xy + (4y² − 4)·y²";
  // The same surface typed as an expression ("edit as expression"; tests hold them equal).
  static constexpr std::string_view expression =
      "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (4*y^2 - 4)*y^2";
  static constexpr ViewBox defaultView{-2.0, 2.0, -1.2, 1.2};
  static constexpr Vec2 defaultStart{-1.5, 1.0};

  template <class T, class K>
  static T value(const K&, Vec2T<T> w) {
    T x = w.x, y = w.y, x2 = x * x, y2 = y * y;
    return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (4.0 * y2 - 4.0) * y2;
  }
  template <class T, class K>
  static Vec2T<T> gradient(const K&, Vec2T<T> w) {
    T x = w.x, y = w.y, x2 = x * x;
    return {8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y, x - 8.0 * y + 16.0 * y * y * y};
  }
  static std::vector<Vec2> minimizers(const SurfaceParams&) {
    return {{0.08984201310031807, -0.7126564030207396}, {-0.08984201310031807, 0.7126564030207396}};
  }
  static double minimumValue(const SurfaceParams&) { return -1.0316284534898774; }
};

}  // namespace optirace::surfaces
