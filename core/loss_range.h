// The range of log10(f − f* + δ) over a view, which the heatmap's colormap spans. Computed
// from core's f on a grid so that the picture's scale comes from the engine.
#pragma once

#include "surface.h"

namespace optirace {

struct LossRange {
  // What the colours measure f from: f*, or where a typed surface has none (f decreases out
  // of the view), the lowest f seen in the view.
  double floor = 0.0;
  double delta = 1e-6;  // δ: keeps the logarithm finite where f = f*
  double logMin = -6.0;
  double logMax = 1.0;
};

// δ is a millionth of the largest gap in view, so the colours span at most about six decades
// plus whatever lies between the smallest and largest gap seen.
LossRange lossRangeOver(const Surface& surface, const ViewBox& view, int samplesPerAxis = 96);

}  // namespace optirace
