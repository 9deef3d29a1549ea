// Tick labels on log axes: decades where the range holds two or more, else 1-2-5 steps.
#include "axis_ticks.h"

#include <gtest/gtest.h>

#include <cmath>

namespace optirace {
namespace {

std::vector<std::string> labels(const std::vector<Tick>& ticks) {
  std::vector<std::string> out;
  for (const Tick& t : ticks) out.push_back(t.label);
  return out;
}

TEST(AxisTicks, LogTicksLabelANarrowRangeInOneTwoFiveSteps) {
  // The circle's slice: losses from 0.012 to 0.25 hold one decade mark (0.1) only.
  auto ticks = logTicks(std::log10(0.012), std::log10(0.25), 8);
  EXPECT_EQ(labels(ticks), (std::vector<std::string>{"0.02", "0.05", "0.1", "0.2"}));
  for (const Tick& t : ticks) EXPECT_NEAR(std::pow(10.0, t.value), std::stod(t.label), 1e-12);
}

TEST(AxisTicks, LogTicksThinOutWhereThereIsLittleRoom) {
  auto ticks = logTicks(std::log10(0.012), std::log10(0.25), 2);
  EXPECT_EQ(labels(ticks), (std::vector<std::string>{"0.02", "0.1"}));
}

TEST(AxisTicks, LogTicksAreDecadesOverWideRanges) {
  auto ticks = logTicks(-9.3, -0.7, 12);
  EXPECT_EQ(labels(ticks), labels(decadeTicks(-9.3, -0.7, 12)));
  EXPECT_EQ(ticks.front().label, "1e-9");
  EXPECT_EQ(ticks.size(), 9u);
}

// A row of labels keeps those that clear the last one kept, along either direction of an axis.
TEST(AxisTicks, LabelRowLeavesOutLabelsThatWouldCollide) {
  LabelRow x(5);  // left to right, labels 30 wide, 5 apart at least
  EXPECT_TRUE(x.take(0, 30));
  EXPECT_FALSE(x.take(20, 50));  // over the first
  EXPECT_FALSE(x.take(33, 63));  // clear of it by 3 only
  EXPECT_TRUE(x.take(35, 65));   // by 5
  EXPECT_FALSE(x.take(60, 90));  // over the one kept last
  LabelRow y(2);                 // bottom to top: y falls
  EXPECT_TRUE(y.take(500, 520));
  EXPECT_FALSE(y.take(485, 505));
  EXPECT_TRUE(y.take(470, 490));
}

}  // namespace
}  // namespace optirace
