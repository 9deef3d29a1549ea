#include "all.h"

namespace optirace::surfaces {

// Four basins of different depth: the global one at (−2.9035, −2.9035).
namespace {
double value(const SurfaceParams&, Vec2 w) {
  auto term = [](double t) { return t * t * t * t - 16.0 * t * t + 5.0 * t; };
  return 0.5 * (term(w.x) + term(w.y));
}
Vec2 gradient(const SurfaceParams&, Vec2 w) {
  auto slope = [](double t) { return 2.0 * t * t * t - 16.0 * t + 2.5; };
  return {slope(w.x), slope(w.y)};
}
std::vector<Vec2> minimizers(const SurfaceParams&) {
  return {{-2.903534027771177, -2.903534027771177}};
}
double minimumValue(const SurfaceParams&) {
  return -78.33233140754282;
}
}  // namespace

const SurfaceDef styblinskiTang{
    .name = "styblinski-tang",
    .title = "Styblinski–Tang",
    .formula = "½·(x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)",
    .params = {},
    .value = value,
    .gradient = gradient,
    .minimizers = minimizers,
    .minimumValue = minimumValue,
    .defaultView = {-5.0, 5.0, -5.0, 5.0},
    .defaultStart = {4.5, 0.5},
    .shaderId = 6,
};

}  // namespace optirace::surfaces
