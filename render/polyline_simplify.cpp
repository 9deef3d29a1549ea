#include "polyline_simplify.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace optirace {

float distanceToSegment(PointF p, PointF a, PointF b) {
  float dx = b.x - a.x, dy = b.y - a.y;
  float length2 = dx * dx + dy * dy;
  float s =
      length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0f, 1.0f) : 0.0f;
  return std::hypot(p.x - (a.x + s * dx), p.y - (a.y + s * dy));
}

std::vector<PointF> simplifyPolyline(std::span<const PointF> points, float tolerancePx) {
  std::size_t n = points.size();
  if (n < 3) return {points.begin(), points.end()};
  std::vector<char> keep(n, 0);
  keep[0] = keep[n - 1] = 1;
  // The distance to the segment (not the infinite line): a path that doubles back on itself
  // keeps its turning point.
  std::vector<std::pair<std::size_t, std::size_t>> spans{{0, n - 1}};
  while (!spans.empty()) {
    auto [first, last] = spans.back();
    spans.pop_back();
    float farthest = -1;
    std::size_t at = first;
    for (std::size_t i = first + 1; i < last; ++i) {
      float d = distanceToSegment(points[i], points[first], points[last]);
      if (d > farthest) farthest = d, at = i;
    }
    if (farthest > tolerancePx) {
      keep[at] = 1;
      spans.push_back({first, at});
      spans.push_back({at, last});
    }
  }
  std::vector<PointF> out;
  for (std::size_t i = 0; i < n; ++i)
    if (keep[i]) out.push_back(points[i]);
  return out;
}

}  // namespace optirace
