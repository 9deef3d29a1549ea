#include "all.h"

namespace optirace::surfaces {

// The banana valley: easy to find, slow to follow to (a, a²).
namespace {
double value(const SurfaceParams& p, Vec2 w) {
  double a = p[0], b = p[1];
  double r = w.y - w.x * w.x;
  return (a - w.x) * (a - w.x) + b * r * r;
}
Vec2 gradient(const SurfaceParams& p, Vec2 w) {
  double a = p[0], b = p[1];
  double r = w.y - w.x * w.x;
  return {-2.0 * (a - w.x) - 4.0 * b * w.x * r, 2.0 * b * r};
}
std::vector<Vec2> minimizers(const SurfaceParams& p) {
  return {{p[0], p[0] * p[0]}};
}
double minimumValue(const SurfaceParams&) {
  return 0.0;
}
}  // namespace

const SurfaceDef rosenbrock{
    .name = "rosenbrock",
    .title = "Rosenbrock",
    .formula = "(a − x)² + b·(y − x²)²",
    .params = {{"a", 1.0, -100.0, 100.0, "the minimizer is (a, a²)"},
               {"b", 100.0, 0.0, 1e6, "steepness of the valley walls"}},
    .value = value,
    .gradient = gradient,
    .minimizers = minimizers,
    .minimumValue = minimumValue,
    .defaultView = {-1.5, 1.5, -0.5, 1.5},
    .defaultStart = {-1.0, 0.5},
    .shaderId = 1,
};

}  // namespace optirace::surfaces
