// The words shown for racers and races: status, threshold step, generated labels and titles.
#include "race_words.h"

#include <gtest/gtest.h>

#include <cmath>

#include "race.h"

namespace optirace {
namespace {

RacerSpec racerOf(const char* optimizer, double lr, Vec2 start) {
  RacerSpec r;
  r.optimizer = optimizer;
  r.hyper = findOptimizer(optimizer)->defaults;
  r.hyper.lr = lr;
  r.start = start;
  return r;
}

RaceSettings settingsFor(const Surface& s, double sigma = 0.0) {
  RaceSettings settings;
  settings.view = s.def().defaultView;
  settings.noiseSigma = sigma;
  settings.seed = 7;
  return settings;
}

TEST(RaceWords, BudgetReachedIsNotRunning) {
  // SGD at η = 0.001 on x² + 50y² needs thousands of steps: after 80 it is still far off.
  Surface bowl(*findSurface("quadratic"));
  Racer racer(racerOf("sgd", 0.001, {5, 0.5}), bowl, settingsFor(bowl));
  for (int i = 0; i < 79; ++i) racer.step();
  EXPECT_EQ(statusWords(racer, 80), "running");
  EXPECT_EQ(thresholdStepWords(racer, 80), "none yet");
  racer.step();
  EXPECT_EQ(statusWords(racer, 80), "budget reached");
  EXPECT_EQ(thresholdStepWords(racer, 80), "never");
}

TEST(RaceWords, DivergedSaysWhenAndHasNoThresholdStep) {
  // |1 − 2·50·0.021| = 1.1 > 1: the y coordinate grows until the escape bound.
  Surface bowl(*findSurface("quadratic"));
  Racer racer(racerOf("sgd", 0.021, {5, 0.5}), bowl, settingsFor(bowl));
  while (racer.status() != RacerStatus::Diverged) racer.step();
  EXPECT_EQ(statusWords(racer, 100000), "diverged at " + std::to_string(racer.divergedAtStep()));
  EXPECT_EQ(thresholdStepWords(racer, 100000), "—");
}

TEST(RaceWords, ConvergedOnlyWhileBelowTheThreshold) {
  // Started at the minimizer, the gap is 0 at step 0; noise of σ = 1 then kicks it far above
  // the 1e-6 threshold, where a word of "converged" would be false.
  Surface bowl(*findSurface("quadratic"));
  Racer racer(racerOf("sgd", 0.01, {0, 0}), bowl, settingsFor(bowl, 1.0));
  EXPECT_EQ(statusWords(racer, 100), "converged at 0");
  racer.step();
  ASSERT_GT(racer.current().gap, racer.threshold());
  EXPECT_EQ(statusWords(racer, 100), "first below the threshold at 0 (now above)");
  EXPECT_EQ(thresholdStepWords(racer, 100), "0");
}

TEST(RaceWords, LabelsNameWhatDiffersFromTheDefaults) {
  RacerSpec adam = racerOf("adam", findOptimizer("adam")->defaults.lr, {0, 0});
  EXPECT_EQ(generatedLabel(adam), "Adam");
  adam.hyper.lr = 0.01;
  EXPECT_EQ(generatedLabel(adam), "Adam η=0.01");
  adam.hyper.weightDecay = 0.01;  // coupled: Adam + L2
  EXPECT_EQ(generatedLabel(adam), "Adam + L2 η=0.01 λ=0.01");
  RacerSpec adamw = racerOf("adamw", 0.01, {0, 0});  // AdamW's default λ is torch's 0.01
  EXPECT_EQ(generatedLabel(adamw), "AdamW η=0.01");
  RacerSpec momentum = racerOf("momentum", 0.012, {0, 0});
  momentum.hyper.beta1 = 0.5;
  EXPECT_EQ(generatedLabel(momentum), "Momentum η=0.012 β₁=0.5");
}

TEST(RaceWords, TitleFollowsSurfaceRacersAndNoise) {
  Scenario s = defaultScenario(*findSurface("himmelblau"), {"sgd", "momentum", "adam"});
  EXPECT_EQ(generatedTitle(s), "Himmelblau: SGD vs Momentum vs Adam");
  s.settings.noiseSigma = 0.3;
  s.racers[1].enabled = false;
  EXPECT_EQ(generatedTitle(s), "Himmelblau: SGD vs Adam, noise σ = 0.3");
  Scenario many =
      defaultScenario(*findSurface("rosenbrock"), {"sgd", "momentum", "nesterov", "adam", "lion"});
  EXPECT_EQ(generatedTitle(many), "Rosenbrock: 5 optimizers");
}

TEST(RaceWords, ShortNumbersReadBackExactly) {
  EXPECT_EQ(shortNumber(0.1), "0.1");
  EXPECT_EQ(shortNumber(1e-8), "1e-08");
  EXPECT_EQ(std::stod(shortNumber(0.1 + 0.2)), 0.1 + 0.2);
}

}  // namespace
}  // namespace optirace
