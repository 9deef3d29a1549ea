#pragma once

#include <numbers>

#include "../surface.h"

namespace optirace::surfaces {

// A bowl covered in a grid of local minima, one per integer point.
struct Rastrigin : SurfaceBase {
  static constexpr std::string_view name = "rastrigin", title = "Rastrigin",
                                    formula = "2A + x² + y² − A·(cos 2πx + cos 2πy)";
  // The same surface typed as an expression ("edit as expression"; tests hold them equal).
  static constexpr std::string_view expression = "2*A + x^2 + y^2 - A*(cos(2*pi*x) + cos(2*pi*y))";
  static constexpr std::array params{
      SurfaceParamDef{"A", 10.0, 0.0, 1000.0, "depth of the local minima"}};
  static constexpr ViewBox defaultView{-4.0, 4.0, -4.0, 4.0};
  static constexpr Vec2 defaultStart{3.2, 2.6};

  // sin 2πx and cos 2πx as sinCosPiOf(2x): 2x is exact, so nothing is rounded before them, and
  // one evaluation gives both (the sweep needs the value and the gradient at each point).
  template <class T>
  struct Waves {
    SinCos<T> x, y;
  };
  template <class T>
  static Waves<T> waves(Vec2T<T> w) {
    return {sinCosPiOf(2.0 * w.x), sinCosPiOf(2.0 * w.y)};
  }
  template <class T, class K>
  static T valueFrom(const K& k, Vec2T<T> w, const Waves<T>& s) {
    auto amplitude = k[0];
    return 2.0 * amplitude + w.x * w.x + w.y * w.y - amplitude * (s.x.cos + s.y.cos);
  }
  static constexpr double kTwoPi = 2.0 * std::numbers::pi;
  template <class T, class K>
  static Vec2T<T> gradientFrom(const K& k, Vec2T<T> w, const Waves<T>& s) {
    auto amplitude = k[0];
    return {2.0 * w.x + kTwoPi * amplitude * s.x.sin, 2.0 * w.y + kTwoPi * amplitude * s.y.sin};
  }

  template <class T, class K>
  static T value(const K& k, Vec2T<T> w) {
    return valueFrom(k, w, waves(w));
  }
  template <class T, class K>
  static Vec2T<T> gradient(const K& k, Vec2T<T> w) {
    return gradientFrom(k, w, waves(w));
  }
  template <class T, class K>
  static ValueAndGradient<T> valueAndGradient(const K& k, Vec2T<T> w) {
    Waves<T> s = waves(w);
    return {valueFrom(k, w, s), gradientFrom(k, w, s)};
  }
  static std::vector<Vec2> minimizers(const SurfaceParams&) { return {{0.0, 0.0}}; }
  static double minimumValue(const SurfaceParams&) { return 0.0; }
};

}  // namespace optirace::surfaces
