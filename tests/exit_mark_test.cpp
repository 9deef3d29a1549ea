// Where the canvas marks a path that left the view: the border point and heading of the last
// segment that crossed it, derived here from SGD's closed form on the bowl.
#include "exit_mark.h"

#include <gtest/gtest.h>

#include <cmath>

#include "race.h"

namespace optirace {
namespace {

TEST(ExitMark, SgdLeavesTheBowlWhereItsClosedFormCrossesTheBorder) {
  // f = x² + 50y², SGD at η = 0.021: x_k = 5·(1 − 2η)^k, y_k = 0.5·(1 − 100η)^k = 0.5·(−1.1)^k.
  Surface bowl(*findSurface("quadratic"));
  RaceSettings settings;
  settings.view = bowl.def().defaultView;
  RacerSpec spec;
  spec.optimizer = "sgd";
  spec.hyper = findOptimizer("sgd")->defaults;
  spec.hyper.lr = 0.021;
  spec.start = {5, 0.5};
  Racer racer(spec, bowl, settings);
  CanvasTransform t{{10, 20, 1200, 300}, settings.view};
  while (racer.status() != RacerStatus::Diverged) {
    EXPECT_FALSE(exitMark(racer, t)) << "no mark before the racer is called diverged";
    racer.step();
  }
  // The last step inside the view: the largest k with 0.5·1.1^k <= the view's half height.
  const ViewBox& v = settings.view;
  int k = static_cast<int>(std::floor(std::log(v.yMax / 0.5) / std::log(1.1)));
  auto x = [](int k) { return 5 * std::pow(1 - 2 * 0.021, k); };
  auto y = [](int k) { return 0.5 * std::pow(-1.1, k); };
  ASSERT_LE(std::abs(y(k)), v.yMax);
  ASSERT_GT(std::abs(y(k + 1)), v.yMax);
  double border = y(k + 1) > 0 ? v.yMax : v.yMin;
  double s = (border - y(k)) / (y(k + 1) - y(k));
  PointF expected = t.toPixel({x(k) + s * (x(k + 1) - x(k)), border});

  auto mark = exitMark(racer, t);
  ASSERT_TRUE(mark);
  EXPECT_NEAR(mark->at.x, expected.x, 1e-3);
  EXPECT_NEAR(mark->at.y, expected.y, 1e-3);
  EXPECT_NEAR(std::hypot(mark->direction.x, mark->direction.y), 1.0, 1e-6);
  // Heading out through that border: up the screen for the top one, down for the bottom.
  EXPECT_EQ(mark->direction.y < 0, border == v.yMax);
  EXPECT_EQ(mark->step, racer.divergedAtStep());
}

TEST(ExitMark, NoneWhileTheLastFinitePointIsInView) {
  // Rosenbrock at η = 1000 overflows to infinity within a few steps without leaving the view
  // first in any drawn segment: its cross at the last finite point is what shows.
  Surface s(*findSurface("rosenbrock"));
  RaceSettings settings;
  settings.view = {-1e300, 1e300, -1e300, 1e300};
  RacerSpec spec;
  spec.optimizer = "sgd";
  spec.hyper = findOptimizer("sgd")->defaults;
  spec.hyper.lr = 1e3;
  spec.start = {-1, 0.5};
  Racer racer(spec, s, settings);
  while (racer.status() != RacerStatus::Diverged && racer.current().step < 100) racer.step();
  ASSERT_EQ(racer.status(), RacerStatus::Diverged);
  EXPECT_FALSE(exitMark(racer, CanvasTransform{{0, 0, 100, 100}, settings.view}));
}

}  // namespace
}  // namespace optirace
