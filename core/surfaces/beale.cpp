#include "all.h"

namespace optirace::surfaces {

// Flat plateaus and sharp ridges: a test of step-size adaptation.
namespace {
struct Terms {
  double t1, t2, t3;
};
Terms terms(Vec2 w) {
  double x = w.x, y = w.y;
  return {1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y * y * y};
}
double value(const SurfaceParams&, Vec2 w) {
  auto [t1, t2, t3] = terms(w);
  return t1 * t1 + t2 * t2 + t3 * t3;
}
Vec2 gradient(const SurfaceParams&, Vec2 w) {
  auto [t1, t2, t3] = terms(w);
  double x = w.x, y = w.y;
  return {2.0 * t1 * (y - 1.0) + 2.0 * t2 * (y * y - 1.0) + 2.0 * t3 * (y * y * y - 1.0),
          2.0 * t1 * x + 4.0 * t2 * x * y + 6.0 * t3 * x * y * y};
}
std::vector<Vec2> minimizers(const SurfaceParams&) {
  return {{3.0, 0.5}};
}
double minimumValue(const SurfaceParams&) {
  return 0.0;
}
}  // namespace

const SurfaceDef beale{
    .name = "beale",
    .title = "Beale",
    .formula = "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
    .params = {},
    .value = value,
    .gradient = gradient,
    .minimizers = minimizers,
    .minimumValue = minimumValue,
    .defaultView = {-4.5, 4.5, -4.5, 4.5},
    .defaultStart = {1.0, 1.5},
    .shaderId = 2,
};

}  // namespace optirace::surfaces
