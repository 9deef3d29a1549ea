#include "all.h"

namespace optirace::surfaces {

// Four global minima of equal depth: which one a racer reaches depends on where it starts.
namespace {
double value(const SurfaceParams&, Vec2 w) {
  double p = w.x * w.x + w.y - 11.0, q = w.x + w.y * w.y - 7.0;
  return p * p + q * q;
}
Vec2 gradient(const SurfaceParams&, Vec2 w) {
  double p = w.x * w.x + w.y - 11.0, q = w.x + w.y * w.y - 7.0;
  return {4.0 * w.x * p + 2.0 * q, 2.0 * p + 4.0 * w.y * q};
}
std::vector<Vec2> minimizers(const SurfaceParams&) {
  return {{3.0, 2.0},
          {-2.805118086952745, 3.131312518250573},
          {-3.779310253377747, -3.283185991286169},
          {3.5844283403304917, -1.8481265269644034}};
}
double minimumValue(const SurfaceParams&) {
  return 0.0;
}
}  // namespace

const SurfaceDef himmelblau{
    .name = "himmelblau",
    .title = "Himmelblau",
    .formula = "(x² + y − 11)² + (x + y² − 7)²",
    .params = {},
    .value = value,
    .gradient = gradient,
    .minimizers = minimizers,
    .minimumValue = minimumValue,
    .defaultView = {-6.0, 6.0, -6.0, 6.0},
    .defaultStart = {0.0, 0.0},
    .shaderId = 3,
};

}  // namespace optirace::surfaces
