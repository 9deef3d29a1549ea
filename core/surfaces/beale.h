#pragma once

#include "../surface.h"

namespace optirace::surfaces {

// Flat plateaus and sharp ridges: a test of step-size adaptation.
struct Beale : SurfaceBase {
  static constexpr std::string_view name = "beale", title = "Beale",
                                    formula =
                                        "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²";
  // The same surface typed as an expression ("edit as expression"; tests hold them equal).
  static constexpr std::string_view expression =
      "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2";
  static constexpr ViewBox defaultView{-4.5, 4.5, -4.5, 4.5};
  static constexpr Vec2 defaultStart{1.0, 1.5};

  template <class T>
  struct Terms {
    T t1, t2, t3;
  };
  template <class T>
  static Terms<T> terms(Vec2T<T> w) {
    T x = w.x, y = w.y;
    return {1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y * y * y};
  }
  template <class T, class K>
  static T value(const K&, Vec2T<T> w) {
    auto [t1, t2, t3] = terms(w);
    return t1 * t1 + t2 * t2 + t3 * t3;
  }
  template <class T, class K>
  static Vec2T<T> gradient(const K&, Vec2T<T> w) {
    auto [t1, t2, t3] = terms(w);
    T x = w.x, y = w.y;
    return {2.0 * t1 * (y - 1.0) + 2.0 * t2 * (y * y - 1.0) + 2.0 * t3 * (y * y * y - 1.0),
            2.0 * t1 * x + 4.0 * t2 * x * y + 6.0 * t3 * x * y * y};
  }
  static std::vector<Vec2> minimizers(const SurfaceParams&) { return {{3.0, 0.5}}; }
  static double minimumValue(const SurfaceParams&) { return 0.0; }
};

}  // namespace optirace::surfaces
