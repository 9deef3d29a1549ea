#include "legend_place.h"

#include <cmath>

namespace optirace {

std::optional<PointF> legendCorner(const RectPx& area, float boxW, float boxH, float margin,
                                   const std::vector<PointF>& points) {
  if (boxW > 0.6f * area.w || boxH > 0.5f * area.h) return std::nullopt;
  float left = area.x + margin, right = area.x + area.w - margin - boxW;
  float top = area.y + margin, bottom = area.y + area.h - margin - boxH;
  const PointF corners[] = {{right, top}, {left, top}, {right, bottom}, {left, bottom}};
  std::optional<PointF> best;
  std::size_t fewest = 0;
  for (PointF c : corners) {
    std::size_t inside = 0;
    for (PointF p : points)
      inside += p.x >= c.x && p.x <= c.x + boxW && p.y >= c.y && p.y <= c.y + boxH;
    if (!best || inside < fewest) best = c, fewest = inside;
  }
  return PointF{std::round(best->x), std::round(best->y)};
}

}  // namespace optirace
