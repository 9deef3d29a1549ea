#include <cmath>
#include <numbers>

#include "all.h"

namespace optirace::surfaces {

// A bowl covered in a grid of local minima, one per integer point.
namespace {
constexpr double kTwoPi = 2.0 * std::numbers::pi;
double value(const SurfaceParams& p, Vec2 w) {
  double amplitude = p[0];
  return 2.0 * amplitude + w.x * w.x + w.y * w.y -
         amplitude * (std::cos(kTwoPi * w.x) + std::cos(kTwoPi * w.y));
}
Vec2 gradient(const SurfaceParams& p, Vec2 w) {
  double amplitude = p[0];
  return {2.0 * w.x + kTwoPi * amplitude * std::sin(kTwoPi * w.x),
          2.0 * w.y + kTwoPi * amplitude * std::sin(kTwoPi * w.y)};
}
std::vector<Vec2> minimizers(const SurfaceParams&) {
  return {{0.0, 0.0}};
}
double minimumValue(const SurfaceParams&) {
  return 0.0;
}
}  // namespace

const SurfaceDef rastrigin{
    .name = "rastrigin",
    .title = "Rastrigin",
    .formula = "2A + x² + y² − A·(cos 2πx + cos 2πy)",
    .params = {{"A", 10.0, 0.0, 1000.0, "depth of the local minima"}},
    .value = value,
    .gradient = gradient,
    .minimizers = minimizers,
    .minimumValue = minimumValue,
    .defaultView = {-4.0, 4.0, -4.0, 4.0},
    .defaultStart = {3.2, 2.6},
    .shaderId = 5,
};

}  // namespace optirace::surfaces
