// A point or vector of the 2-D parameter plane. Every operation is per coordinate,
// as the optimizers' update rules are (g² means (gx², gy²), not |g|²).
//
// Vec2T is generic over its number type so that the maths (core/optimizers/, core/surfaces/)
// is written once: Vec2 (double) for the race, Vec2T<Lane> for the sweep kernel's vectors of
// cells, Vec2T<GlslExpression> for the shader's text. The lane-wise helpers it calls (root,
// maxOf, absOf, signOf) are in core/number.h for double and beside each other number type.
#pragma once

#include <cmath>
#include <type_traits>

#include "number.h"

namespace optirace {

template <class T>
struct Vec2T {
  T x{};
  T y{};
};
using Vec2 = Vec2T<double>;

// A scalar that is not the vector's own number type (a double constant beside lanes).
template <class S, class T>
concept OtherScalar = std::is_arithmetic_v<S> && !std::is_same_v<S, T>;

template <class T>
Vec2T<T> operator+(Vec2T<T> a, Vec2T<T> b) {
  return {a.x + b.x, a.y + b.y};
}
template <class T>
Vec2T<T> operator-(Vec2T<T> a, Vec2T<T> b) {
  return {a.x - b.x, a.y - b.y};
}
template <class T>
Vec2T<T> operator-(Vec2T<T> a) {
  return {-a.x, -a.y};
}
template <class T>
Vec2T<T> operator*(Vec2T<T> a, Vec2T<T> b) {
  return {a.x * b.x, a.y * b.y};
}
template <class T>
Vec2T<T> operator/(Vec2T<T> a, Vec2T<T> b) {
  return {a.x / b.x, a.y / b.y};
}
template <class T>
Vec2T<T> operator*(std::type_identity_t<T> s, Vec2T<T> a) {
  return {s * a.x, s * a.y};
}
template <class T>
Vec2T<T> operator*(Vec2T<T> a, std::type_identity_t<T> s) {
  return {a.x * s, a.y * s};
}
template <class T>
Vec2T<T> operator/(Vec2T<T> a, std::type_identity_t<T> s) {
  return {a.x / s, a.y / s};
}
template <class T>
Vec2T<T> operator+(Vec2T<T> a, std::type_identity_t<T> s) {
  return {a.x + s, a.y + s};
}
template <class T, OtherScalar<T> S>
Vec2T<T> operator*(S s, Vec2T<T> a) {
  return {s * a.x, s * a.y};
}
template <class T, OtherScalar<T> S>
Vec2T<T> operator*(Vec2T<T> a, S s) {
  return {a.x * s, a.y * s};
}
template <class T, OtherScalar<T> S>
Vec2T<T> operator+(Vec2T<T> a, S s) {
  return {a.x + s, a.y + s};
}
inline bool operator==(Vec2 a, Vec2 b) {
  return a.x == b.x && a.y == b.y;
}

template <class T>
Vec2T<T> sqrt(Vec2T<T> a) {
  return {root(a.x), root(a.y)};
}
template <class T>
Vec2T<T> abs(Vec2T<T> a) {
  return {absOf(a.x), absOf(a.y)};
}
template <class T>
Vec2T<T> max(Vec2T<T> a, Vec2T<T> b) {
  return {maxOf(a.x, b.x), maxOf(a.y, b.y)};
}
template <class T>
Vec2T<T> sign(Vec2T<T> a) {
  return {signOf(a.x), signOf(a.y)};
}
template <class Mask, class T>
Vec2T<T> select(Mask m, Vec2T<T> a, Vec2T<T> b) {
  return {select(m, a.x, b.x), select(m, a.y, b.y)};
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
