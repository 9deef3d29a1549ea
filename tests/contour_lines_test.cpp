// Marching squares: a plane's contour is its exact line; a circle's closes on itself and lies
// on the circle within the grid's interpolation error; cells with a non-finite corner are left
// out; a saddle is split by its centre.
#include "contour_lines.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <utility>

namespace optirace {
namespace {

std::vector<double> sample(int n, double (*f)(double, double)) {
  std::vector<double> v;
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) v.push_back(f(c, r));
  return v;
}

TEST(ContourLines, APlanesContourIsItsLine) {
  // f = x + 2y = 7.5 on a 10 × 10 grid: every endpoint on the line, exactly (linear data).
  auto segments =
      contourSegments(sample(10, [](double x, double y) { return x + 2 * y; }), 10, 10, 7.5);
  ASSERT_FALSE(segments.empty());
  for (const ContourSegment& s : segments)
    for (Vec2 p : {s.a, s.b}) EXPECT_NEAR(p.x + 2 * p.y, 7.5, 1e-12);
}

TEST(ContourLines, ACirclesContourClosesAndLiesOnIt) {
  // f = (x − 20)² + (y − 20)² at level 100.5 (no sample exactly on it): the circle of radius
  // √100.5 about (20, 20). Linear interpolation along an edge of length 1 misses the circle by
  // at most about 1/(8r).
  auto segments = contourSegments(
      sample(41, [](double x, double y) { return (x - 20) * (x - 20) + (y - 20) * (y - 20); }), 41,
      41, 100.5);
  std::map<std::pair<long, long>, int> ends;  // each endpoint is shared by two segments
  for (const ContourSegment& s : segments)
    for (Vec2 p : {s.a, s.b}) {
      EXPECT_NEAR(std::hypot(p.x - 20, p.y - 20), std::sqrt(100.5), 1.0 / 80);
      ++ends[{std::lround(p.x * 1e6), std::lround(p.y * 1e6)}];
    }
  EXPECT_GT(segments.size(), 40u);
  for (const auto& [point, count] : ends) EXPECT_EQ(count, 2);
}

TEST(ContourLines, JoinedSegmentsMakeOneClosedCircleAndOpenLines) {
  auto circle = contourSegments(
      sample(41, [](double x, double y) { return (x - 20) * (x - 20) + (y - 20) * (y - 20); }), 41,
      41, 100.5);
  auto lines = joinSegments(circle);
  ASSERT_EQ(lines.size(), 1u);  // every segment in one line …
  EXPECT_EQ(lines[0].size(), circle.size() + 1);
  EXPECT_NEAR(lines[0].front().x, lines[0].back().x, 1e-9);  // … that closes on itself
  EXPECT_NEAR(lines[0].front().y, lines[0].back().y, 1e-9);
  for (std::size_t i = 0; i + 1 < lines[0].size(); ++i)  // consecutive points one cell apart
    EXPECT_LT(std::hypot(lines[0][i + 1].x - lines[0][i].x, lines[0][i + 1].y - lines[0][i].y),
              1.5);
  // Ten circles at once (all levels' segments mixed, thousands of endpoints): ten closed
  // lines, each step between neighbours within a cell, so no two circles are joined.
  std::vector<ContourSegment> rings;
  auto bowl = sample(81, [](double x, double y) { return std::hypot(x - 40, y - 40); });
  for (int k = 1; k <= 10; ++k) {
    auto ring = contourSegments(bowl, 81, 81, 3.7 * k + 0.01);
    rings.insert(rings.end(), ring.begin(), ring.end());
  }
  auto joined = joinSegments(rings);
  EXPECT_EQ(joined.size(), 10u);
  for (const auto& line : joined)
    for (std::size_t i = 0; i + 1 < line.size(); ++i)
      ASSERT_LT(std::hypot(line[i + 1].x - line[i].x, line[i + 1].y - line[i].y), 1.5);
  // Two separate open lines: f = y at levels crossing twice (|y − 5| = 2.5 on a 10 × 10 grid).
  auto two =
      contourSegments(sample(10, [](double, double y) { return std::abs(y - 5); }), 10, 10, 2.5);
  auto open = joinSegments(two);
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].size() + open[1].size(), two.size() + 2);
}

TEST(ContourLines, NonFiniteCornersAndSaddles) {
  std::vector<double> withNan{0, 1, NAN, 1};  // one cell, one corner NaN: nothing
  EXPECT_TRUE(contourSegments(withNan, 2, 2, 0.5).empty());
  // A saddle (corners 1, 0, 1, 0 counter-clockwise): two segments, cutting off the low corners
  // when the centre (0.5 + ε) is high.
  std::vector<double> saddle{1, 0, 0, 1.1};  // rows: (c0,r0)=1, (c1,r0)=0; (c0,r1)=0, (c1,r1)=1.1
  auto segments = contourSegments(saddle, 2, 2, 0.5);
  ASSERT_EQ(segments.size(), 2u);
  for (const ContourSegment& s : segments) {
    // Each segment cuts off the low corner (1, 0) or (0, 1): its midpoint lies near it.
    Vec2 mid = (s.a + s.b) * 0.5;
    double toLow = std::min(std::hypot(mid.x - 1, mid.y), std::hypot(mid.x, mid.y - 1));
    EXPECT_LT(toLow, 0.5);
  }
}

}  // namespace
}  // namespace optirace
