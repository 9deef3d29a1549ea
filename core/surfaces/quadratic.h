#pragma once

#include <cmath>
#include <numbers>

#include "../surface.h"

namespace optirace::surfaces {

// f = a·u² + b·v² in coordinates (u, v) rotated by θ: the seeds' κ = b/a bowl, tilted so that
// the valley no longer follows an axis (which is what per-coordinate methods depend on).
struct Quadratic : SurfaceBase {
  static constexpr std::string_view name = "quadratic", title = "Quadratic bowl",
                                    formula =
                                        "a·u² + b·v²,  u = x·cosθ + y·sinθ,  v = −x·sinθ + y·cosθ";
  // The same surface typed as an expression ("edit as expression"; tests hold them equal).
  static constexpr std::string_view expression =
      "a*(x*cos(angle*pi/180) + y*sin(angle*pi/180))^2 + b*(-x*sin(angle*pi/180) + "
      "y*cos(angle*pi/180))^2";
  static constexpr std::array params{
      SurfaceParamDef{"a", 1.0, 0.0, 1e6, "curvature along u"},
      SurfaceParamDef{"b", 50.0, 0.0, 1e6, "curvature along v (κ = b/a)"},
      SurfaceParamDef{"angle", 0.0, -360.0, 360.0, "rotation θ of the bowl, degrees"}};
  static constexpr ViewBox defaultView{-6.0, 6.0, -1.5, 1.5};
  static constexpr Vec2 defaultStart{5.0, 0.5};

  // a, b, cos θ, sin θ: the rotation computed once, not at every point.
  static SurfaceConstants prepare(const SurfaceParams& p) {
    double theta = p[2] * std::numbers::pi / 180.0;
    return {p[0], p[1], std::cos(theta), std::sin(theta)};
  }
  template <class T, class K>
  static T value(const K& k, Vec2T<T> w) {
    auto c = k[2], s = k[3];
    T u = w.x * c + w.y * s, v = -w.x * s + w.y * c;
    return k[0] * u * u + k[1] * v * v;
  }
  template <class T, class K>
  static Vec2T<T> gradient(const K& k, Vec2T<T> w) {
    auto c = k[2], s = k[3];
    T u = w.x * c + w.y * s, v = -w.x * s + w.y * c;
    T du = 2.0 * k[0] * u, dv = 2.0 * k[1] * v;
    return {du * c - dv * s, du * s + dv * c};
  }
  static std::vector<Vec2> minimizers(const SurfaceParams&) { return {{0.0, 0.0}}; }
  static double minimumValue(const SurfaceParams&) { return 0.0; }
};

}  // namespace optirace::surfaces
