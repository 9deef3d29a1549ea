#include "exit_mark.h"

#include <cmath>
#include <limits>

namespace optirace {

std::optional<ExitMark> exitMark(const Racer& racer, const CanvasTransform& t) {
  if (racer.status() != RacerStatus::Diverged) return std::nullopt;
  const auto& points = racer.trajectory().points();
  const ViewBox& v = t.visible;
  std::size_t last = points.size();  // the last point inside the view
  for (std::size_t i = points.size(); i-- > 0;)
    if (isFinite(points[i].w) && v.contains(points[i].w)) {
      last = i;
      break;
    }
  if (last == points.size()) return std::nullopt;
  bool laterFinite = false;
  for (std::size_t i = last + 1; i < points.size(); ++i) laterFinite |= isFinite(points[i].w);
  if (!laterFinite) return std::nullopt;  // it diverged in view (not finite): its cross shows
  Vec2 from = points[last].w, heading;
  if (last + 1 < points.size() && isFinite(points[last + 1].w))
    heading = points[last + 1].w - from;
  else if (last > 0)
    heading = from - points[last - 1].w;
  if (heading.x == 0 && heading.y == 0) return std::nullopt;
  // Leave the box along the heading: the nearest of the borders ahead.
  double s = std::numeric_limits<double>::infinity();
  if (heading.x > 0) s = std::min(s, (v.xMax - from.x) / heading.x);
  if (heading.x < 0) s = std::min(s, (v.xMin - from.x) / heading.x);
  if (heading.y > 0) s = std::min(s, (v.yMax - from.y) / heading.y);
  if (heading.y < 0) s = std::min(s, (v.yMin - from.y) / heading.y);
  Vec2 edge = from + s * heading;
  PointF a = t.toPixel(from), b = t.toPixel(edge);
  PointF d{b.x - a.x, b.y - a.y};
  float length = std::hypot(d.x, d.y);
  if (!(length > 0)) {  // already on the border: the heading in pixels (y down)
    d = {static_cast<float>(heading.x / v.width() * t.area.w),
         static_cast<float>(-heading.y / v.height() * t.area.h)};
    length = std::hypot(d.x, d.y);
  }
  return ExitMark{b, {d.x / length, d.y / length}, racer.divergedAtStep()};
}

}  // namespace optirace
