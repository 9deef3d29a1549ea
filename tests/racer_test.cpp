// Racers and races: status (converged / diverged with the step), bounded trajectories.
#include <gtest/gtest.h>

#include <cmath>

#include "race.h"

namespace optirace {
namespace {

Hyper sgdWithLr(double lr) {
  Hyper h = findOptimizer("sgd")->defaults;
  h.lr = lr;
  return h;
}

TEST(Racer, SgdAboveStabilityLimitDivergesAndSaysWhen) {
  // On b·y² SGD multiplies y by (1 − 2bη) each step: |1 − 100·0.021| = 1.1 > 1 diverges.
  Surface bowl(*findSurface("quadratic"));
  RaceSettings settings;
  settings.view = bowl.def().defaultView;
  Racer racer({"sgd", "sgd", sgdWithLr(0.021), {5, 0.5}}, bowl, settings);
  for (int i = 0; i < 5000; ++i) racer.step();
  EXPECT_EQ(racer.status(), RacerStatus::Diverged);
  // |y_k| = 0.5·1.1^k passes 100 × the view's larger side (12) from the centre at k = 77.
  long expected = static_cast<long>(std::ceil(std::log(1200.0 / 0.5) / std::log(1.1)));
  EXPECT_EQ(racer.divergedAtStep(), expected);
  EXPECT_EQ(racer.current().step, expected);  // stepping stopped there
}

TEST(Racer, NonFiniteIsDivergedImmediately) {
  Surface s(*findSurface("rosenbrock"));
  Racer racer({"sgd", "sgd", sgdWithLr(1e3), {-1, 0.5}}, s, RaceSettings{});
  while (racer.status() != RacerStatus::Diverged && racer.current().step < 100) racer.step();
  EXPECT_EQ(racer.status(), RacerStatus::Diverged);
  EXPECT_LE(racer.divergedAtStep(), 5);
}

TEST(Racer, ConvergedAtFirstStepBelowThreshold) {
  // SGD on x² + 50y² with η = 0.015: x_k = 5·0.97^k and y_k = 0.5·(−0.5)^k.
  Surface bowl(*findSurface("quadratic"));
  RaceSettings settings;
  settings.threshold = 1e-3;
  settings.view = bowl.def().defaultView;
  Racer racer({"sgd", "sgd", sgdWithLr(0.015), {5, 0.5}}, bowl, settings);
  long firstBelow = -1;
  for (long k = 1; k <= 400; ++k) {
    double x = 5 * std::pow(0.97, k), y = 0.5 * std::pow(-0.5, k);
    if (firstBelow < 0 && x * x + 50 * y * y < 1e-3) firstBelow = k;
    racer.step();
  }
  EXPECT_EQ(racer.status(), RacerStatus::Converged);
  EXPECT_EQ(racer.convergedAtStep(), firstBelow);
}

TEST(Trajectory, TenMillionStepsStayBounded) {
  Trajectory t(1 << 12);
  for (long k = 0; k <= 10'000'000; ++k) t.append({k, {double(k), 0}, 0, 0, 0});
  EXPECT_LE(t.points().size(), (1u << 12) + 1);
  EXPECT_EQ(t.points().front().step, 0);
  EXPECT_EQ(t.points().back().step, 10'000'000);  // the exact current point
  for (std::size_t i = 1; i + 1 < t.points().size(); ++i)
    ASSERT_EQ(t.points()[i].step % t.stride(), 0);
}

TEST(Trajectory, GapRangeCoversEveryAppendedStepDroppedOrNot) {
  Trajectory t(16);
  double lo = INFINITY, hi = -INFINITY;
  for (long k = 0; k <= 1000; ++k) {
    // Spikes at odd steps, which the thinning drops; NaN and ∞ (diverged) are left out.
    double gap = k == 500 ? NAN : k == 600 ? INFINITY : k % 2 ? 1e3 + k : 1.0 / (k + 1);
    t.append({k, {}, 0, gap, 0});
    if (std::isfinite(gap)) lo = std::min(lo, gap), hi = std::max(hi, gap);
  }
  EXPECT_LE(t.points().size(), 17u);
  EXPECT_EQ(t.minGap(), lo);
  EXPECT_EQ(t.maxGap(), hi);
  EXPECT_EQ(hi, 1e3 + 999);  // an odd step: no longer among the kept points
  t.clear();
  EXPECT_GT(t.minGap(), t.maxGap());
}

TEST(Trajectory, KeepsEveryStepWhileThereIsRoom) {
  Trajectory t(100);
  for (long k = 0; k < 100; ++k) t.append({k, {}, 0, 0, 0});
  ASSERT_EQ(t.points().size(), 100u);
  for (long k = 0; k < 100; ++k) EXPECT_EQ(t.points()[k].step, k);
}

TEST(Race, StepsAllRacersTogetherUpToBudget) {
  Scenario s = defaultScenario(*findSurface("rosenbrock"), {"sgd", "adam", "rmsprop"});
  s.steps = 250;
  s.racers[0].hyper.lr = 1e-3;
  s.racers[2].enabled = false;
  Race race(s);
  race.advance(100);
  race.advance(1000);
  EXPECT_EQ(race.stepsTaken(), 250);
  EXPECT_TRUE(race.finished());
  EXPECT_EQ(race.racers()[0].current().step, 250);
  EXPECT_EQ(race.racers()[1].current().step, 250);
  EXPECT_EQ(race.racers()[2].current().step, 0);  // disabled
  // The race gives the same numbers as a racer stepped alone.
  Racer alone(s.racers[1], s.surface, s.settings);
  for (int i = 0; i < 250; ++i) alone.step();
  EXPECT_EQ(alone.current().w, race.racers()[1].current().w);
}

}  // namespace
}  // namespace optirace
