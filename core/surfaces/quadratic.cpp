#include <cmath>
#include <numbers>

#include "all.h"

namespace optirace::surfaces {

// f = a·u² + b·v² in coordinates (u, v) rotated by θ: the seeds' κ = b/a bowl, tilted so that
// the valley no longer follows an axis (which is what per-coordinate methods depend on).
namespace {
struct Rotation {
  double c, s;
};
Rotation rotation(const SurfaceParams& p) {
  double theta = p[2] * std::numbers::pi / 180.0;
  return {std::cos(theta), std::sin(theta)};
}
double value(const SurfaceParams& p, Vec2 w) {
  auto [c, s] = rotation(p);
  double u = w.x * c + w.y * s, v = -w.x * s + w.y * c;
  return p[0] * u * u + p[1] * v * v;
}
Vec2 gradient(const SurfaceParams& p, Vec2 w) {
  auto [c, s] = rotation(p);
  double u = w.x * c + w.y * s, v = -w.x * s + w.y * c;
  double du = 2.0 * p[0] * u, dv = 2.0 * p[1] * v;
  return {du * c - dv * s, du * s + dv * c};
}
std::vector<Vec2> minimizers(const SurfaceParams&) {
  return {{0.0, 0.0}};
}
double minimumValue(const SurfaceParams&) {
  return 0.0;
}
}  // namespace

const SurfaceDef quadratic{
    .name = "quadratic",
    .title = "Quadratic bowl",
    .formula = "a·u² + b·v²,  u = x·cosθ + y·sinθ,  v = −x·sinθ + y·cosθ",
    .params = {{"a", 1.0, 0.0, 1e6, "curvature along u"},
               {"b", 50.0, 0.0, 1e6, "curvature along v (κ = b/a)"},
               {"angle", 0.0, -360.0, 360.0, "rotation θ of the bowl, degrees"}},
    .value = value,
    .gradient = gradient,
    .minimizers = minimizers,
    .minimumValue = minimumValue,
    .defaultView = {-6.0, 6.0, -1.5, 1.5},
    .defaultStart = {5.0, 0.5},
    .shaderId = 0,
};

}  // namespace optirace::surfaces
