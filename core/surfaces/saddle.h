#pragma once

#include "../surface.h"

namespace optirace::surfaces {

// A strict saddle at the origin between two minima (0, ±1): plain gradient descent started
// near y = 0 lingers at the saddle, noise or momentum escapes sooner.
struct Saddle : SurfaceBase {
  static constexpr std::string_view name = "saddle", title = "Saddle", formula = "x² + y⁴/4 − y²/2";
  // The same surface typed as an expression ("edit as expression"; tests hold them equal).
  static constexpr std::string_view expression = "x^2 + y^4/4 - y^2/2";
  static constexpr ViewBox defaultView{-2.0, 2.0, -1.6, 1.6};
  static constexpr Vec2 defaultStart{1.5, 0.01};

  template <class T, class K>
  static T value(const K&, Vec2T<T> w) {
    T y2 = w.y * w.y;
    return w.x * w.x + 0.25 * y2 * y2 - 0.5 * y2;
  }
  template <class T, class K>
  static Vec2T<T> gradient(const K&, Vec2T<T> w) {
    return {2.0 * w.x, w.y * w.y * w.y - w.y};
  }
  static std::vector<Vec2> minimizers(const SurfaceParams&) { return {{0.0, 1.0}, {0.0, -1.0}}; }
  static double minimumValue(const SurfaceParams&) { return -0.25; }
};

}  // namespace optirace::surfaces
