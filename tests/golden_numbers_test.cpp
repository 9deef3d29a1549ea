// Every golden number of ENGINE.md ("Golden numbers from the seeds"), to 1e-9 relative.
#include <gtest/gtest.h>

#include <cmath>

#include "racer.h"

namespace optirace {
namespace {

struct GoldenCase {
  const char* name;
  const char* optimizer;
  Hyper hyper;
  long steps;
  Vec2 finalW;  // a coordinate of 0 stands for the spec's "≈0": checked as |v| < 1e-12
  double finalLoss;
};

Hyper with(const char* optimizer, double lr, double beta1 = -1, double beta2 = -1,
           double eps = -1) {
  Hyper h = findOptimizer(optimizer)->defaults;
  h.lr = lr;
  if (beta1 >= 0) h.beta1 = beta1;
  if (beta2 >= 0) h.beta2 = beta2;
  if (eps >= 0) h.eps = eps;
  return h;
}

void expectRelative(double expected, double actual, const char* what) {
  if (expected == 0.0) {
    EXPECT_LT(std::fabs(actual), 1e-12) << what;
    return;
  }
  EXPECT_LE(std::fabs(actual - expected), 1e-9 * std::fabs(expected))
      << what << ": expected " << expected << " got " << actual;
}

void PrintTo(const GoldenCase& c, std::ostream* os) {
  *os << c.name;
}

class GoldenNumbers : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenNumbers, MatchSeedsOnKappa50Bowl) {
  const GoldenCase& c = GetParam();
  Surface bowl(*findSurface("quadratic"));  // a = 1, b = 50, angle 0
  RacerSpec spec{c.name, c.optimizer, c.hyper, {5.0, 0.5}};
  Racer racer(spec, bowl, RaceSettings{});
  for (long i = 0; i < c.steps; ++i) racer.step();
  expectRelative(c.finalW.x, racer.current().w.x, "x");
  expectRelative(c.finalW.y, racer.current().w.y, "y");
  expectRelative(c.finalLoss, racer.current().loss, "loss");
  EXPECT_EQ(racer.current().step, c.steps);
}

INSTANTIATE_TEST_SUITE_P(
    EngineSpec, GoldenNumbers,
    ::testing::Values(
        GoldenCase{"sgd_0015",
                   "sgd",
                   with("sgd", 0.015),
                   80,
                   {0.4372287845941365, 0},
                   0.19116901007766582},
        GoldenCase{
            "sgd_0012", "sgd", with("sgd", 0.012), 80, {0.7160698985669877, 0}, 0.512756099633736},
        GoldenCase{"momentum",
                   "momentum",
                   with("momentum", 0.012, 0.9),
                   80,
                   {0.05271525619265804, -0.0015081436834953627},
                   0.0028926231039609197},
        GoldenCase{"nesterov",
                   "nesterov",
                   with("nesterov", 0.012, 0.9),
                   80,
                   {0.010905443691531569, 0},
                   0.0001189287021091657},
        GoldenCase{"rmsprop",
                   "rmsprop",
                   with("rmsprop", 0.1, -1, 0.99, 1e-8),
                   80,
                   {6.480488533053626e-05, 0},
                   4.199673162703954e-09},
        GoldenCase{"adagrad",
                   "adagrad",
                   with("adagrad", 1.0, -1, -1, 1e-8),
                   100,
                   {5.560547804371431e-05, 0},
                   3.091969188469994e-09},
        GoldenCase{"adam",
                   "adam",
                   with("adam", 0.1, 0.9, 0.999, 1e-8),
                   200,
                   {-0.00010953992535954539, -1.0514618631077681e-05},
                   1.752685549562507e-08}),
    [](const auto& info) { return std::string(info.param.name); });

// Seed 002's worked example: Adam on L = θ² from θ = 1, η = 0.1.
TEST(GoldenNumbers, AdamWorkedExampleOnParabola) {
  Surface parabola(*findSurface("quadratic"));
  ASSERT_FALSE(parabola.setParam("b", 0.0));
  Hyper h = findOptimizer("adam")->defaults;
  h.lr = 0.1;
  Racer racer({"adam", "adam", h, {1.0, 0.0}}, parabola, RaceSettings{});
  expectRelative(0.9000000005, racer.step().w.x, "theta1");
  expectRelative(0.8004122286917928, racer.step().w.x, "theta2");
}

}  // namespace
}  // namespace optirace
