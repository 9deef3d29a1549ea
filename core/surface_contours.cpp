#include "surface_contours.h"

#include <algorithm>
#include <cmath>

namespace optirace {

std::vector<ContourLevel> surfaceContours(const Surface& surface, const ViewBox& view,
                                          const LossRange& range, double spacingDecades,
                                          int columns, int rows) {
  std::vector<ContourLevel> levels;
  if (columns < 2 || rows < 2 || !(spacingDecades > 0) || !(range.logMax > range.logMin))
    return levels;
  double dx = view.width() / (columns - 1), dy = view.height() / (rows - 1);
  std::vector<double> values(static_cast<std::size_t>(columns) * rows);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < columns; ++c) {
      double f = surface.value({view.xMin + c * dx, view.yMin + r * dy});
      values[static_cast<std::size_t>(r) * columns + c] =
          std::log10(std::max(f - range.floor, 0.0) + range.delta);
    }
  long first = static_cast<long>(std::ceil(range.logMin / spacingDecades));
  long last = static_cast<long>(std::floor(range.logMax / spacingDecades));
  for (long k = first; k <= last && last - first < 1000; ++k) {
    double level = k * spacingDecades;
    std::vector<ContourSegment> segments = contourSegments(values, columns, rows, level);
    if (segments.empty()) continue;
    for (ContourSegment& s : segments) {  // grid (column, row) to the world
      s.a = {view.xMin + s.a.x * dx, view.yMin + s.a.y * dy};
      s.b = {view.xMin + s.b.x * dx, view.yMin + s.b.y * dy};
    }
    levels.push_back(
        {level, (level - range.logMin) / (range.logMax - range.logMin), std::move(segments)});
  }
  return levels;
}

}  // namespace optirace
