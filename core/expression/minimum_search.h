// f* and the minimizers of a surface known only by its value and exact gradient (a typed
// surface), found in a view box: local minimisation from a grid of starts, each polished by
// Newton's method (the Hessian by central differences of the exact gradient), then the
// minima de-duplicated and the lowest kept.
#pragma once

#include <functional>
#include <vector>

#include "../vec2.h"

namespace optirace {

struct MinimumSearch {
  // Whether f has its lowest value in the view at an interior minimum. False when no local
  // minimum was found, or f is lower somewhere in the view (at its edge) than at every one:
  // f then decreases out of the view, and no f* can be given.
  bool found = false;
  double value = 0.0;            // f* when found (the lowest minimum less 4 rounding units)
  std::vector<Vec2> minimizers;  // where f = f* (to 1e-9 relative), when found
};

// size: the number of operations one evaluation of f costs, which scales the search's effort.
MinimumSearch searchMinimum(const std::function<double(Vec2)>& f,
                            const std::function<Vec2(Vec2)>& gradient, const ViewBox& view,
                            int size);

}  // namespace optirace
