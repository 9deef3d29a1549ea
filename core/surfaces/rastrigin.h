#pragma once

#include <numbers>

#include "../surface.h"

namespace optirace::surfaces {

// A bowl covered in a grid of local minima, one per integer point.
struct Rastrigin : SurfaceBase {
  static constexpr std::string_view name = "rastrigin", title = "Rastrigin",
                                    formula = "2A + x² + y² − A·(cos 2πx + cos 2πy)";
  static constexpr std::array params{
      SurfaceParamDef{"A", 10.0, 0.0, 1000.0, "depth of the local minima"}};
  static constexpr ViewBox defaultView{-4.0, 4.0, -4.0, 4.0};
  static constexpr Vec2 defaultStart{3.2, 2.6};

  static constexpr double kTwoPi = 2.0 * std::numbers::pi;
  template <class T, class K>
  static T value(const K& k, Vec2T<T> w) {
    auto amplitude = k[0];
    return 2.0 * amplitude + w.x * w.x + w.y * w.y -
           amplitude * (cosOf(kTwoPi * w.x) + cosOf(kTwoPi * w.y));
  }
  template <class T, class K>
  static Vec2T<T> gradient(const K& k, Vec2T<T> w) {
    auto amplitude = k[0];
    return {2.0 * w.x + kTwoPi * amplitude * sinOf(kTwoPi * w.x),
            2.0 * w.y + kTwoPi * amplitude * sinOf(kTwoPi * w.y)};
  }
  static std::vector<Vec2> minimizers(const SurfaceParams&) { return {{0.0, 0.0}}; }
  static double minimumValue(const SurfaceParams&) { return 0.0; }
};

}  // namespace optirace::surfaces
