// The bowl's theory against the engine: the rate the race measures equals the predicted one
// within 1 % (GD, heavy ball and Nesterov at several settings, κ = 50, level and rotated), the
// stable η is where the iteration's radius reaches 1, and the optimal settings are optimal.
#include "bowl_theory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

namespace optirace {
namespace {

Surface bowl(double angle) {
  Surface s(*findSurface("quadratic"));  // a = 1, b = 50: λ = 2 and 100, κ = 50
  EXPECT_FALSE(s.setParam("angle", angle));
  return s;
}

RacerSpec racer(const char* optimizer, double lr, double beta1) {
  RacerSpec r;
  r.optimizer = optimizer;
  r.hyper = findOptimizer(optimizer)->defaults;
  r.hyper.lr = lr;
  if (r.optimizer != "sgd") r.hyper.beta1 = beta1;
  r.start = {5, 0.5};
  return r;
}

// The error's factor per step as the race shows it: the gap's largest value in a window of 64
// steps early and late (the envelope, so that oscillating momentum counts its peaks), their
// ratio over the steps between, square-rooted (the gap is the error squared). The late window
// is where theory puts the gap near 1e-120 of the start, the early one a fifth of the way.
double measuredRate(const RacerSpec& spec, const Surface& surface, double predicted) {
  long late = static_cast<long>(std::ceil(-120 * std::log(10.0) / (2 * std::log(predicted))));
  long early = late / 5;
  constexpr long kWindow = 64;
  RaceSettings settings;
  settings.view = surface.def().defaultView;
  settings.threshold = 0;  // never converged: the race runs on
  Racer r(spec, surface, settings);
  std::vector<double> gaps{r.current().gap};
  for (long t = 1; t < late + kWindow; ++t) {
    r.step();
    gaps.push_back(r.current().gap);
  }
  EXPECT_EQ(r.divergedAtStep(), -1);
  auto peak = [&](long from) {
    return *std::max_element(gaps.begin() + from, gaps.begin() + from + kWindow);
  };
  return std::pow(peak(late) / peak(early), 1.0 / (2.0 * static_cast<double>(late - early)));
}

TEST(BowlTheory, TheRaceShrinksTheErrorAtThePredictedRate) {
  struct Case {
    const char* optimizer;
    double lr, beta1;
  };
  std::vector<Case> cases{{"sgd", 0.005, 0},       {"sgd", 2.0 / 102, 0},
                          {"sgd", 0.019, 0},       {"sgd", 0.0199, 0},
                          {"momentum", 0.01, 0.5}, {"momentum", 0.005, 0.9},
                          {"momentum", 0.02, 0.3}, {"momentum", 0.001, 0.2},
                          {"nesterov", 0.01, 0.9}, {"nesterov", 0.005, 0.5}};
  // Heavy ball at its optimum, from the formula under test's sibling.
  std::optional<BowlOptimum> best = optimalOnBowl(racer("momentum", 0.01, 0.9), bowl(0));
  ASSERT_TRUE(best);
  cases.push_back({"momentum", best->lr, best->beta1});
  for (double angle : {0.0, 30.0})
    for (const Case& c : cases) {
      RacerSpec spec = racer(c.optimizer, c.lr, c.beta1);
      Surface surface = bowl(angle);
      std::optional<BowlPrediction> p = predictOnBowl(spec, surface);
      ASSERT_TRUE(p) << c.optimizer;
      ASSERT_LT(p->rate, 1.0) << c.optimizer << " η " << c.lr;
      EXPECT_NEAR(measuredRate(spec, surface, p->rate) / p->rate, 1.0, 0.01)
          << c.optimizer << " η " << c.lr << " β " << c.beta1 << " θ " << angle;
    }
}

TEST(BowlTheory, SpectrumAndClosedForms) {
  std::optional<BowlSpectrum> s = bowlSpectrum(bowl(30));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->lambdaMin, 2.0);
  EXPECT_EQ(s->lambdaMax, 100.0);
  EXPECT_EQ(s->kappa(), 50.0);
  EXPECT_FALSE(bowlSpectrum(Surface(*findSurface("rosenbrock"))));
  EXPECT_FALSE(predictOnBowl(racer("adam", 0.01, 0.9), bowl(0)));  // no theory here for Adam

  // Optimal GD: (κ − 1)/(κ + 1); optimal heavy ball: (√κ − 1)/(√κ + 1), every direction at √β.
  std::optional<BowlOptimum> gd = optimalOnBowl(racer("sgd", 0.01, 0), bowl(0));
  ASSERT_TRUE(gd);
  EXPECT_DOUBLE_EQ(gd->lr, 2.0 / 102);
  EXPECT_DOUBLE_EQ(gd->rate, 49.0 / 51);
  EXPECT_DOUBLE_EQ(predictOnBowl(racer("sgd", gd->lr, 0), bowl(0))->rate, gd->rate);
  std::optional<BowlOptimum> hb = optimalOnBowl(racer("momentum", 0.01, 0.9), bowl(0));
  ASSERT_TRUE(hb);
  double root = (std::sqrt(50.0) - 1) / (std::sqrt(50.0) + 1);
  EXPECT_DOUBLE_EQ(hb->rate, root);
  EXPECT_NEAR(predictOnBowl(racer("momentum", hb->lr, hb->beta1), bowl(0))->rate, root, 1e-7);

  // Optimal means no nearby setting is faster.
  for (double dl : {0.97, 1.03})
    for (double db : {-0.02, 0.0, 0.02}) {
      if (dl == 1.0 && db == 0.0) continue;
      EXPECT_GE(predictOnBowl(racer("momentum", hb->lr * dl, hb->beta1 + db), bowl(0))->rate,
                hb->rate);
      EXPECT_GE(predictOnBowl(racer("sgd", gd->lr * dl, 0), bowl(0))->rate, gd->rate);
    }
}

TEST(BowlTheory, TheStableLearningRateIsWhereTheRadiusReachesOne) {
  for (auto [optimizer, beta] : {std::pair{"sgd", 0.0},
                                 {"momentum", 0.9},
                                 {"momentum", 0.3},
                                 {"nesterov", 0.9},
                                 {"nesterov", 0.5}}) {
    RacerSpec spec = racer(optimizer, 0.01, beta);
    std::optional<BowlPrediction> p = predictOnBowl(spec, bowl(0));
    ASSERT_TRUE(p);
    for (auto [factor, stable] : {std::pair{0.999, true}, {1.001, false}}) {
      spec.hyper.lr = p->stableLrBelow * factor;
      EXPECT_EQ(predictOnBowl(spec, bowl(0))->rate < 1, stable) << optimizer << " β " << beta;
    }
  }
  // GD: 2/λ₂; heavy ball: 2(1 + β)/λ₂ (the limits); weight decay adds to λ.
  EXPECT_DOUBLE_EQ(predictOnBowl(racer("sgd", 0.01, 0), bowl(0))->stableLrBelow, 0.02);
  EXPECT_DOUBLE_EQ(predictOnBowl(racer("momentum", 0.01, 0.9), bowl(0))->stableLrBelow, 0.038);
  RacerSpec decayed = racer("sgd", 0.01, 0);
  decayed.hyper.weightDecay = 0.5;
  EXPECT_DOUBLE_EQ(predictOnBowl(decayed, bowl(0))->stableLrBelow, 2 / 100.5);
}

Scenario presetScenario(const std::string& file) {
  std::ifstream in(std::string(OPTIRACE_SOURCE_DIR) + "/assets/presets/" + file);
  std::stringstream text;
  text << in.rdbuf();
  return scenarioFromJson(text.str());
}

// The Racers panel tints η red past the limit (lrPastStableLimit): on the bowl, and never for a
// task's network, whose scenario keeps the default surface, the κ = 50 bowl, where SGD η = 0.1 on
// the seed's XOR network was once tinted for a limit (2/100) of another problem.
TEST(BowlTheory, TheLimitIsTheBowlsAndNotATasks) {
  Scenario bowl = presetScenario("1_sgd_zigzag.json");
  RacerSpec racer = bowl.racers.at(0);
  EXPECT_FALSE(lrPastStableLimit(bowl, racer));  // η = 0.015 < 2/100
  racer.hyper.lr = 0.02;
  EXPECT_TRUE(lrPastStableLimit(bowl, racer));

  Scenario xorTask = presetScenario("s3_seed_network_comparison_xor.json");
  ASSERT_TRUE(xorTask.task.has_value());
  const RacerSpec& sgd = xorTask.racers.at(0);
  ASSERT_EQ(sgd.optimizer, "sgd");
  EXPECT_FALSE(lrPastStableLimit(xorTask, sgd));
  Scenario onItsSurface = xorTask;  // the same racer on the surface the task's scenario kept
  onItsSurface.task.reset();
  ASSERT_EQ(onItsSurface.surface.name(), "quadratic");
  EXPECT_TRUE(lrPastStableLimit(onItsSurface, sgd));
}

}  // namespace
}  // namespace optirace
