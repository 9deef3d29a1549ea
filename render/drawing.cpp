#include "drawing.h"

#include <cmath>
#include <vector>

namespace optirace {

namespace {
constexpr float kPi = 3.14159265f;
}  // namespace

void Drawing::rectOutline(PointF min, PointF max, Rgba colour, float widthPx) {
  PointF corners[] = {min, {max.x, min.y}, max, {min.x, max.y}, min};
  polyline(corners, colour, widthPx, false);
  for (int i = 0; i < 4; ++i) disc(corners[i], 0.5f * widthPx, colour);
}

void Drawing::line(PointF a, PointF b, Rgba colour, float widthPx) {
  PointF ends[] = {a, b};
  polyline(ends, colour, widthPx, false);
}

void Drawing::dashedLine(PointF a, PointF b, Rgba colour, float widthPx, float dashPx,
                         float gapPx) {
  float len = std::hypot(b.x - a.x, b.y - a.y);
  if (len < 1e-6f) return;
  PointF dir{(b.x - a.x) / len, (b.y - a.y) / len};
  for (float s = 0; s < len; s += dashPx + gapPx) {
    float e = std::min(s + dashPx, len);
    line({a.x + dir.x * s, a.y + dir.y * s}, {a.x + dir.x * e, a.y + dir.y * e}, colour, widthPx);
  }
}

void Drawing::star(PointF centre, float outerRadius, Rgba fill, Rgba outline, float outlinePx) {
  auto points = [&](float grow) {
    std::vector<PointF> p(10);
    for (int i = 0; i < 10; ++i) {
      float r = (i % 2 == 0 ? outerRadius : 0.42f * outerRadius) + grow;
      float a = -0.5f * kPi + kPi * i / 5.0f;
      p[i] = {centre.x + r * std::cos(a), centre.y + r * std::sin(a)};
    }
    return p;
  };
  fillStarShaped(centre, points(outlinePx), outline);
  fillStarShaped(centre, points(0), fill);
}

void Drawing::cross(PointF centre, float radius, Rgba colour, float widthPx) {
  line({centre.x - radius, centre.y - radius}, {centre.x + radius, centre.y + radius}, colour,
       widthPx);
  line({centre.x - radius, centre.y + radius}, {centre.x + radius, centre.y - radius}, colour,
       widthPx);
}

}  // namespace optirace
