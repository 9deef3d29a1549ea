#include "all.h"

namespace optirace::surfaces {

// A strict saddle at the origin between two minima (0, ±1): plain gradient descent started
// near y = 0 lingers at the saddle, noise or momentum escapes sooner.
namespace {
double value(const SurfaceParams&, Vec2 w) {
  double y2 = w.y * w.y;
  return w.x * w.x + 0.25 * y2 * y2 - 0.5 * y2;
}
Vec2 gradient(const SurfaceParams&, Vec2 w) {
  return {2.0 * w.x, w.y * w.y * w.y - w.y};
}
std::vector<Vec2> minimizers(const SurfaceParams&) {
  return {{0.0, 1.0}, {0.0, -1.0}};
}
double minimumValue(const SurfaceParams&) {
  return -0.25;
}
}  // namespace

const SurfaceDef saddle{
    .name = "saddle",
    .title = "Saddle",
    .formula = "x² + y⁴/4 − y²/2",
    .params = {},
    .value = value,
    .gradient = gradient,
    .minimizers = minimizers,
    .minimumValue = minimumValue,
    .defaultView = {-2.0, 2.0, -1.6, 1.6},
    .defaultStart = {1.5, 0.01},
    .shaderId = 4,
};

}  // namespace optirace::surfaces
