// sin(πa) and cos(πa) as Rastrigin takes them (core/number.h's sinCosPiOf, SLEEF's deterministic
// sincospi): within its documented 3.5 ulps of a long double reference over the range a surface
// is viewed on and beyond, exact at the quarter turns, NaN for infinite and NaN arguments.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "number.h"

namespace optirace {
namespace {

// The reference: a = k/2 + r with k = round(2a) and |r| ≤ 1/4, both exact in long double (a has
// 53 bits), sin and cos of πr in long double, then the quarter turn k mod 4 taken by fmod.
SinCos<long double> reference(double a) {
  const long double pi = 3.141592653589793238462643383279502884L;
  long double k = std::round(2.0L * a), r = static_cast<long double>(a) - k / 2;
  int quarter = static_cast<int>(std::fmod(std::fmod(k, 4.0L) + 4.0L, 4.0L));
  long double s = std::sin(pi * r), c = std::cos(pi * r);
  switch (quarter) {
    case 0:
      return {s, c};
    case 1:
      return {c, -s};
    case 2:
      return {-s, -c};
    default:
      return {-c, s};
  }
}

// The spacing of doubles at `exact`.
long double ulpAt(long double exact) {
  int e = 0;
  if (exact != 0) std::frexp(std::fabs(exact), &e);
  return std::ldexp(1.0L, std::max(e - 53, -1074));
}

TEST(SinCosPi, WithinItsDocumentedUlpsOfTheReference) {
  std::vector<double> as;
  for (int i = -400000; i <= 400000; ++i) as.push_back(i * 2.5e-5 + 1e-11 * (i % 997));
  for (int q = -80; q <= 80; ++q)  // next to the quarter turns, where sin or cos is near 0
    for (double d : {1e-16, 1e-12, 1e-6}) as.insert(as.end(), {q * 0.25 + d, q * 0.25 - d});
  for (double a : {1e5 + 0.3, -7e6 - 0.1, 1234567.125}) as.push_back(a);  // far out
  double worstSin = 0, worstCos = 0;
  for (double a : as) {
    SinCos<double> got = sinCosPiOf(a);
    SinCos<long double> want = reference(a);
    worstSin = std::max(worstSin, double(std::fabs(got.sin - want.sin) / ulpAt(want.sin)));
    worstCos = std::max(worstCos, double(std::fabs(got.cos - want.cos) / ulpAt(want.cos)));
  }
  EXPECT_LE(worstSin, 3.5);
  EXPECT_LE(worstCos, 3.5);
}

TEST(SinCosPi, QuarterTurnsAndSpecialArguments) {
  struct Case {
    double a, sin, cos;
  };
  for (Case c : {Case{0.0, 0.0, 1.0}, Case{0.5, 1.0, 0.0}, Case{1.0, 0.0, -1.0},
                 Case{1.5, -1.0, 0.0}, Case{-0.5, -1.0, 0.0}, Case{2.0, 0.0, 1.0},
                 Case{-3.0, 0.0, -1.0}, Case{1e6 + 0.5, 1.0, 0.0}}) {
    SinCos<double> r = sinCosPiOf(c.a);
    EXPECT_EQ(r.sin, c.sin) << c.a;
    EXPECT_EQ(r.cos, c.cos) << c.a;
  }
  for (double a : {INFINITY, -INFINITY, NAN}) {
    SinCos<double> r = sinCosPiOf(a);
    EXPECT_TRUE(std::isnan(r.sin) && std::isnan(r.cos)) << a;
  }
}

}  // namespace
}  // namespace optirace
