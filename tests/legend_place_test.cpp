// Where legends go: the corner whose box hides the fewest data points, none when too large.
#include "legend_place.h"

#include <gtest/gtest.h>

namespace optirace {
namespace {

const RectPx kArea{100, 50, 800, 400};

// Points filling a box of the given corner (0 top right, 1 top left, 2 bottom right, 3 bottom
// left) of kArea, 200 × 100 px.
std::vector<PointF> cluster(int corner) {
  std::vector<PointF> points;
  float x0 = corner % 2 == 0 ? kArea.x + kArea.w - 200 : kArea.x;
  float y0 = corner < 2 ? kArea.y : kArea.y + kArea.h - 100;
  for (int i = 0; i < 20; ++i)
    for (int j = 0; j < 10; ++j) points.push_back({x0 + 10 * i + 5, y0 + 10 * j + 5});
  return points;
}

TEST(LegendPlace, TakesTheCornerWithTheLeastData) {
  // With data in the top right, the first choice, the legend goes to the top left; with data
  // in both top corners, to the bottom right.
  auto at = legendCorner(kArea, 150, 60, 8, cluster(0));
  ASSERT_TRUE(at);
  EXPECT_EQ(at->x, kArea.x + 8);
  EXPECT_EQ(at->y, kArea.y + 8);
  std::vector<PointF> both = cluster(0);
  for (PointF p : cluster(1)) both.push_back(p);
  at = legendCorner(kArea, 150, 60, 8, both);
  ASSERT_TRUE(at);
  EXPECT_EQ(at->x, kArea.x + kArea.w - 8 - 150);
  EXPECT_EQ(at->y, kArea.y + kArea.h - 8 - 60);
}

TEST(LegendPlace, NoneWhenLargerThanThePlotAllows) {
  EXPECT_TRUE(legendCorner(kArea, 0.6f * kArea.w, 0.5f * kArea.h, 0, {}));
  EXPECT_FALSE(legendCorner(kArea, 0.6f * kArea.w + 1, 60, 8, {}));
  EXPECT_FALSE(legendCorner(kArea, 150, 0.5f * kArea.h + 1, 8, {}));
}

}  // namespace
}  // namespace optirace
