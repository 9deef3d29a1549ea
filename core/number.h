// The lane-wise vocabulary the maths is written in, for the number type double (the race).
// The sweep kernel's lane types (core/sweep_lane.inc) and the shader's symbolic type
// (core/glsl_expression.h) provide the same functions beside their own types, so a template
// over the number type calls them unqualified and gets the right one. A "mask" is bool here,
// one bit per lane there. Every function is exact or correctly rounded except sinCosPiOf
// (3.5 ulp), SLEEF's deterministic (non-FMA, "cinz") sincospi: the same bits from the scalar and
// from every vector width, which the libm's cos cannot promise. (Its 3.5-ulp variant: Rastrigin's
// sweeps run 1.5 times as fast as with the 0.506-ulp one, and both are far inside every oracle's
// tolerance.)
#pragma once

#include <cfloat>
#include <cmath>

namespace optirace {

inline double root(double a) {
  return std::sqrt(a);
}
inline double absOf(double a) {
  return std::fabs(a);
}
inline bool isLess(double a, double b) {
  return a < b;
}
inline bool isNotZero(double a) {
  return a != 0.0;
}
// Whether a is a normal double (not zero, subnormal, infinite or NaN): DBL_MIN ≤ a ≤ DBL_MAX.
inline bool isNormalPositive(double a) {
  return a >= DBL_MIN && a <= DBL_MAX;
}
inline double select(bool m, double a, double b) {
  return m ? a : b;
}
inline bool anyLane(bool m) {
  return m;
}
// ifElse(m, a, b): a() where m holds, b() elsewhere; a lane type computes a branch only when
// some lane takes it, so a branch no lane takes costs nothing.
template <class A, class B>
auto ifElse(bool m, const A& a, const B& b) -> decltype(a()) {
  return m ? a() : b();
}
// The larger of a and b; b where a < b does not hold (as torch.maximum for non-NaN inputs).
inline double maxOf(double a, double b) {
  return isLess(a, b) ? b : a;
}
inline double signOf(double a) {
  return a > 0.0 ? 1.0 : (a < 0.0 ? -1.0 : 0.0);
}
// sin(πa) and cos(πa) together (SLEEF, core/number.cpp), without rounding π·a first: more exact
// than sin(π·a) and faster (no long argument reduction), both from one evaluation.
template <class T>
struct SinCos {
  T sin, cos;
};
SinCos<double> sinCosPiOf(double a);  // sin(πa) and cos(πa) from one evaluation

inline bool isEqual(double a, double b) {
  return a == b;
}
// The elementary functions of typed surfaces (core/expression/): SLEEF's deterministic 1-ulp
// ("u10", "cinz") functions, so every lane of the sweep kernel, which calls these per lane,
// and the race get the same bits, on any processor (core/number.cpp).
double sinOf(double a);
double cosOf(double a);
double tanOf(double a);
double asinOf(double a);
double acosOf(double a);
double atanOf(double a);
double sinhOf(double a);
double coshOf(double a);
double tanhOf(double a);
double expOf(double a);
double logOf(double a);
double log10Of(double a);
double powOf(double a, double b);
double atan2Of(double a, double b);

}  // namespace optirace
