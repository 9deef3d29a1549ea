#include "loss_range.h"

#include <algorithm>
#include <cmath>

namespace optirace {

LossRange lossRangeOver(const Surface& surface, const ViewBox& view, int samplesPerAxis) {
  double fStar = surface.minimumValue();
  if (!surface.hasMinimum()) {
    double lowest = INFINITY;
    for (int i = 0; i < samplesPerAxis; ++i)
      for (int j = 0; j < samplesPerAxis; ++j) {
        double f = surface.value({view.xMin + view.width() * (i + 0.5) / samplesPerAxis,
                                  view.yMin + view.height() * (j + 0.5) / samplesPerAxis});
        if (std::isfinite(f)) lowest = std::min(lowest, f);
      }
    if (std::isfinite(lowest)) fStar = lowest;
  }
  double largest = 0.0, smallest = INFINITY;
  for (int i = 0; i < samplesPerAxis; ++i)
    for (int j = 0; j < samplesPerAxis; ++j) {
      Vec2 w{view.xMin + view.width() * (i + 0.5) / samplesPerAxis,
             view.yMin + view.height() * (j + 0.5) / samplesPerAxis};
      double gap = surface.value(w) - fStar;
      if (!std::isfinite(gap)) continue;
      gap = std::max(gap, 0.0);
      largest = std::max(largest, gap);
      smallest = std::min(smallest, gap);
    }
  LossRange range;
  range.floor = fStar;
  if (!(largest > 0.0)) return range;  // flat view: keep the defaults
  range.delta = std::max(largest * 1e-6, 1e-300);
  range.logMin = std::log10(smallest + range.delta);
  range.logMax = std::log10(largest + range.delta);
  if (range.logMax - range.logMin < 1e-6) range.logMin = range.logMax - 1.0;
  return range;
}

}  // namespace optirace
