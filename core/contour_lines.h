// Contour lines of a function sampled on a grid, by marching squares: where it crosses a level,
// as line segments in grid coordinates (x = column index, y = row index, fractional). What the
// Sensitivity panel draws over a measured grid for theory's rate.
#pragma once

#include <vector>

#include "vec2.h"

namespace optirace {

struct ContourSegment {
  Vec2 a, b;
};

// values[row * columns + column]; a cell with a corner that is not finite has no segment.
// Saddle cells (opposite corners on the same side) are split by their centre's average.
std::vector<ContourSegment> contourSegments(const std::vector<double>& values, int columns,
                                            int rows, double level);

// The segments joined end to end into polylines (a closed contour ends where it began), so a
// figure draws a few long lines instead of thousands of pieces. Endpoints join when they agree
// to 2⁻²⁰ of a grid cell (two cells compute their shared edge's crossing from its ends in
// opposite order, which may differ in the last bit).
std::vector<std::vector<Vec2>> joinSegments(const std::vector<ContourSegment>& segments);

}  // namespace optirace
