// The sigmoid's exp (core/network/clipped_exp.inc): its constants against the C library's long
// double exp2 and log (an oracle independent of scripts/make-exp-table, which computed them with
// Python's decimal module), and the function within 1 ulp of long double exp over the clipped
// range, as SLEEF's exp it replaced.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <vector>

#include "../core/network/activation.h"
#include "../core/network/exp_table.h"

namespace optirace {
namespace {

// long double's exp2 and log are within an ulp of 2⁻⁶⁴ relative; each pair hi + lo carries 106
// bits, so it must agree with them to about 2⁻⁶³, and hi must be the nearest double.
TEST(NetworkExp, TableIsTheSixteenthPowersOfTwo) {
  for (int j = 0; j < 16; ++j) {
    long double exact = std::exp2(static_cast<long double>(j) / 16);
    long double pair = static_cast<long double>(kSixteenthPowersHi[j]) + kSixteenthPowersLo[j];
    EXPECT_LE(std::abs(pair - exact), 0x1p-62L * exact) << "j " << j;
    EXPECT_EQ(kSixteenthPowersHi[j], static_cast<double>(exact)) << "j " << j;
  }
}

TEST(NetworkExp, Ln2IsSplitSoThatItsFirstPartTimesNIsExact) {
  const long double ln2 = std::log(2.0L);
  EXPECT_EQ(kSixteenOverLn2, static_cast<double>(16 / ln2));
  // The first part is a multiple of 2⁻⁴² below 2⁻⁴, so at most 38 significant bits: times an n of
  // at most 14 (|n| ≤ 500·16/ln 2 < 11 600) it fits in a double's 53.
  const double scaled = std::ldexp(kLn2OverSixteenHi, 42);
  EXPECT_EQ(scaled, std::floor(scaled));
  EXPECT_LT(scaled, 0x1p38);
  EXPECT_LT(500 * kSixteenOverLn2, 0x1p14);
  long double split = static_cast<long double>(kLn2OverSixteenHi) + kLn2OverSixteenLo;
  EXPECT_LE(std::abs(split - ln2 / 16), 0x1p-63L * (ln2 / 16));
}

// The distance from the double d to x in units in the last place of d's binade.
long double ulps(double d, long double x) {
  return std::abs(static_cast<long double>(d) - x) /
         (std::nextafter(d, INFINITY) - static_cast<long double>(d));
}

// Every 0.00125 across the clip (the reduced argument sweeps its interval in every 2^(j/16)), the
// clip's ends, beyond them, −0 and NaN.
TEST(NetworkExp, IsWithinOneUlpAcrossTheClippedRange) {
  std::vector<double> x;
  for (int i = -400000; i <= 400000; ++i) x.push_back(i * 0.00125);
  for (double edge : {-500.0, 500.0, -0.0, std::nextafter(500.0, 0.0), 1e-300, -1e-300})
    x.push_back(edge);
  std::vector<double> e = x;
  clippedNegatedExp(e.data(), static_cast<int>(e.size()));
  long double worst = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    long double exact = std::exp(-static_cast<long double>(x[i]));
    worst = std::max(worst, ulps(e[i], exact));
  }
  EXPECT_LE(worst, 1.0L);
  std::printf("clipped exp: at most %.4Lf ulp over %zu arguments\n", worst, x.size());
  std::vector<double> beyond = {-600.0, 1e300, -INFINITY, INFINITY, NAN};
  clippedNegatedExp(beyond.data(), static_cast<int>(beyond.size()));
  const double atBottom = e[0], atTop = e[800000];  // x = −500 and x = 500
  EXPECT_EQ(beyond[0], atBottom);
  EXPECT_EQ(beyond[2], atBottom);
  EXPECT_EQ(beyond[1], atTop);
  EXPECT_EQ(beyond[3], atTop);
  EXPECT_TRUE(std::isnan(beyond[4]));
  EXPECT_EQ(e[e.size() - 4], 1.0);  // e^(+0)
}

}  // namespace
}  // namespace optirace
