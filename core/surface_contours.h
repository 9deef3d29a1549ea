// The heatmap's contour lines as geometry, for vector figures: f sampled by core on a grid over
// the view, log10(f − floor + δ) as the shader computes it (the same LossRange), and marching
// squares at every level the shader draws a line at (multiples of the spacing in decades).
#pragma once

#include <vector>

#include "contour_lines.h"
#include "loss_range.h"
#include "surface.h"

namespace optirace {

struct ContourLevel {
  double level = 0;  // log10(f − floor + δ) along the line
  double shade = 0;  // where the level sits on the colormap, 0 … 1 (the shader's t)
  std::vector<ContourSegment> segments;  // in world coordinates
};

// Levels k · spacingDecades inside (logMin, logMax), on a columns × rows grid of samples
// spanning the view corner to corner. Levels with no segment are left out.
std::vector<ContourLevel> surfaceContours(const Surface& surface, const ViewBox& view,
                                          const LossRange& range, double spacingDecades,
                                          int columns, int rows);

}  // namespace optirace
