// A point or vector of the 2-D parameter plane. Every operation is per coordinate,
// as the optimizers' update rules are (g² means (gx², gy²), not |g|²).
#pragma once

#include <cmath>

namespace optirace {

struct Vec2 {
  double x = 0.0;
  double y = 0.0;
};

inline Vec2 operator+(Vec2 a, Vec2 b) {
  return {a.x + b.x, a.y + b.y};
}
inline Vec2 operator-(Vec2 a, Vec2 b) {
  return {a.x - b.x, a.y - b.y};
}
inline Vec2 operator-(Vec2 a) {
  return {-a.x, -a.y};
}
inline Vec2 operator*(double s, Vec2 a) {
  return {s * a.x, s * a.y};
}
inline Vec2 operator*(Vec2 a, double s) {
  return {a.x * s, a.y * s};
}
inline Vec2 operator*(Vec2 a, Vec2 b) {
  return {a.x * b.x, a.y * b.y};
}
inline Vec2 operator/(Vec2 a, Vec2 b) {
  return {a.x / b.x, a.y / b.y};
}
inline Vec2 operator/(Vec2 a, double s) {
  return {a.x / s, a.y / s};
}
inline Vec2 operator+(Vec2 a, double s) {
  return {a.x + s, a.y + s};
}
inline bool operator==(Vec2 a, Vec2 b) {
  return a.x == b.x && a.y == b.y;
}

inline Vec2 sqrt(Vec2 a) {
  return {std::sqrt(a.x), std::sqrt(a.y)};
}
inline Vec2 abs(Vec2 a) {
  return {std::fabs(a.x), std::fabs(a.y)};
}
inline Vec2 max(Vec2 a, Vec2 b) {
  return {std::fmax(a.x, b.x), std::fmax(a.y, b.y)};
}
inline Vec2 sign(Vec2 a) {
  auto s = [](double v) { return v > 0.0 ? 1.0 : (v < 0.0 ? -1.0 : 0.0); };
  return {s(a.x), s(a.y)};
}
inline double norm(Vec2 a) {
  return std::hypot(a.x, a.y);
}
inline bool isFinite(Vec2 a) {
  return std::isfinite(a.x) && std::isfinite(a.y);
}

// An axis-aligned rectangle of the plane: what the canvas shows.
struct ViewBox {
  double xMin = -1.0, xMax = 1.0, yMin = -1.0, yMax = 1.0;
  double width() const { return xMax - xMin; }
  double height() const { return yMax - yMin; }
  Vec2 centre() const { return {0.5 * (xMin + xMax), 0.5 * (yMin + yMax)}; }
  bool contains(Vec2 p) const { return p.x >= xMin && p.x <= xMax && p.y >= yMin && p.y <= yMax; }
  bool operator==(const ViewBox&) const = default;
};

}  // namespace optirace
