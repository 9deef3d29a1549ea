// The range of log10(f − f* + δ) over a view, which the heatmap's colormap spans. Computed
// from core's f on a grid so that the picture's scale comes from the engine.
#pragma once

#include "surface.h"

namespace optirace {

struct LossRange {
  double delta = 1e-6;  // δ: keeps the logarithm finite where f = f*
  double logMin = -6.0;
  double logMax = 1.0;
};

// δ is a millionth of the largest gap in view, so the colours span at most about six decades
// plus whatever lies between the smallest and largest gap seen.
LossRange lossRangeOver(const Surface& surface, const ViewBox& view, int samplesPerAxis = 96);

}  // namespace optirace
