#pragma once

#include "../surface.h"

namespace optirace::surfaces {

// Four global minima of equal depth: which one a racer reaches depends on where it starts.
struct Himmelblau : SurfaceBase {
  static constexpr std::string_view name = "himmelblau", title = "Himmelblau",
                                    formula = "(x² + y − 11)² + (x + y² − 7)²";
  // The same surface typed as an expression ("edit as expression"; tests hold them equal).
  static constexpr std::string_view expression = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
  static constexpr ViewBox defaultView{-6.0, 6.0, -6.0, 6.0};
  static constexpr Vec2 defaultStart{0.0, 0.0};

  template <class T, class K>
  static T value(const K&, Vec2T<T> w) {
    T p = w.x * w.x + w.y - 11.0, q = w.x + w.y * w.y - 7.0;
    return p * p + q * q;
  }
  template <class T, class K>
  static Vec2T<T> gradient(const K&, Vec2T<T> w) {
    T p = w.x * w.x + w.y - 11.0, q = w.x + w.y * w.y - 7.0;
    return {4.0 * w.x * p + 2.0 * q, 2.0 * p + 4.0 * w.y * q};
  }
  static std::vector<Vec2> minimizers(const SurfaceParams&) {
    return {{3.0, 2.0},
            {-2.805118086952745, 3.131312518250573},
            {-3.779310253377747, -3.283185991286169},
            {3.5844283403304917, -1.8481265269644034}};
  }
  static double minimumValue(const SurfaceParams&) { return 0.0; }
};

}  // namespace optirace::surfaces
