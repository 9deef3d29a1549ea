// Learning-rate schedules, clipping and Adam without bias correction on the engine's racers:
// ENGINE.md's formulas at chosen steps, and the identities that tie each to the plain rule.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <numbers>

#include "number_format.h"
#include "optimizers/adam.h"
#include "race_words.h"
#include "racer.h"
#include "scenario.h"

namespace optirace {
namespace {

struct RacerPath {
  std::vector<Vec2> w;
  std::vector<double> lr;  // lr[t] for t ≥ 1; lr[0] is NaN
};

RacerPath runOf(const RacerSpec& spec, const char* surface, long steps, double sigma = 0.0) {
  RaceSettings settings;
  settings.noiseSigma = sigma;
  settings.seed = 5;
  settings.view = findSurface(surface)->defaultView;
  Racer racer(spec, Surface(*findSurface(surface)), settings);
  RacerPath run{{racer.current().w}, {racer.current().lr}};
  for (long i = 0; i < steps; ++i) {
    run.w.push_back(racer.step().w);
    run.lr.push_back(racer.current().lr);
  }
  return run;
}

RacerSpec racerOf(const OptimizerDef& def, double lr, Vec2 start = {-1, 0.5}) {
  RacerSpec r{std::string(def.name), std::string(def.name), def.defaults, start};
  r.hyper.lr = lr;
  return r;
}

bool sameBits(const std::vector<Vec2>& a, const std::vector<Vec2>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(Vec2)) == 0;
}

// ηₜ at chosen steps from ENGINE.md's table, computed here from the formulas.
TEST(Schedules, LearningRateFollowsTheFormulas) {
  const double eta = 0.1, pi = std::numbers::pi;
  auto lrAt = [&](const char* text, long t) {
    return scheduledLr(parseSchedule("--schedule", text), eta, t - 1);
  };
  EXPECT_DOUBLE_EQ(lrAt("step:step_size=10,gamma=0.5", 10), eta);
  EXPECT_DOUBLE_EQ(lrAt("step:step_size=10,gamma=0.5", 11), eta * 0.5);
  EXPECT_DOUBLE_EQ(lrAt("step:step_size=10", 31), eta * 1e-3);  // γ's default 0.1
  EXPECT_DOUBLE_EQ(lrAt("exponential:gamma=0.9", 4), eta * 0.9 * 0.9 * 0.9);
  EXPECT_DOUBLE_EQ(lrAt("cosine:t_max=100,eta_min=0.01", 51),
                   0.01 + (eta - 0.01) * (1 + std::cos(pi * 0.5)) / 2);
  EXPECT_DOUBLE_EQ(lrAt("cosine:t_max=100,eta_min=0.01", 500), 0.01);  // held after t_max
  EXPECT_EQ(lrAt("warmup:warmup=4", 1), 0.0);                          // starts at 0
  EXPECT_DOUBLE_EQ(lrAt("warmup:warmup=4", 3), eta * 0.5);
  EXPECT_DOUBLE_EQ(lrAt("warmup:warmup=4", 400), eta);
  EXPECT_DOUBLE_EQ(lrAt("warmup_cosine:warmup=10,t_max=110", 6), eta * 0.5);
  EXPECT_DOUBLE_EQ(lrAt("warmup_cosine:warmup=10,t_max=110", 11), eta);
  EXPECT_DOUBLE_EQ(lrAt("warmup_cosine:warmup=10,t_max=110", 61), eta / 2);
  EXPECT_NEAR(lrAt("warmup_cosine:warmup=10,t_max=110", 111), 0.0, 1e-18);
}

// constant ≡ no schedule, and schedules whose factor is exactly 1 (γ = 1, η_min = η), bit for
// bit, for every optimizer: ηₜ reaches every use of η the same way.
TEST(Schedules, ScheduleOfFactorOneIsTheConstantBitForBit) {
  for (const OptimizerDef* def : allOptimizers()) {
    RacerSpec plain = racerOf(*def, def->defaults.lr * 10);
    plain.hyper.weightDecay = 0.01;
    RacerPath reference = runOf(plain, "rosenbrock", 200, 0.3);
    for (std::string text : {std::string("constant"), std::string("exponential:gamma=1"),
                             "cosine:t_max=50,eta_min=" + formatNumber(plain.hyper.lr)}) {
      RacerSpec scheduled = plain;
      scheduled.schedule = parseSchedule("--schedule", text);
      SCOPED_TRACE(std::string(def->name) + " with " + text);
      EXPECT_TRUE(sameBits(runOf(scheduled, "rosenbrock", 200, 0.3).w, reference.w));
    }
  }
}

// warmup = 1: ηₜ is 0 at step 1 and η after, so SGD's path is the constant one a step late.
TEST(Schedules, WarmupOfOneIsTheConstantAfterStepOne) {
  RacerSpec plain = racerOf(*findOptimizer("sgd"), 1e-3);
  RacerSpec warm = plain;
  warm.schedule = parseSchedule("--schedule", "warmup:warmup=1");
  RacerPath a = runOf(plain, "rosenbrock", 100), b = runOf(warm, "rosenbrock", 101);
  EXPECT_EQ(b.lr[1], 0.0);
  EXPECT_EQ(b.w[1].x, b.w[0].x);
  for (long t = 2; t <= 101; ++t) EXPECT_EQ(std::memcmp(&b.lr[t], &a.lr[t - 1], 8), 0);
  EXPECT_TRUE(sameBits(std::vector<Vec2>(b.w.begin() + 1, b.w.end()), a.w));
}

// A clip norm no gradient reaches leaves every optimizer's path as it is, bit for bit; one
// every gradient exceeds changes it (except Lion's: its step is the sign of a weighted sum of
// gradients, which a per-step rescaling rarely flips).
TEST(Clipping, HugeClipNormIsNoClippingBitForBit) {
  for (const OptimizerDef* def : allOptimizers()) {
    RacerSpec plain = racerOf(*def, def->defaults.lr);
    RacerSpec huge = plain, tight = plain;
    huge.hyper.clipNorm = 1e300;
    tight.hyper.clipNorm = 1e-3;
    RacerPath reference = runOf(plain, "rosenbrock", 150, 0.3);
    SCOPED_TRACE(def->name);
    EXPECT_TRUE(sameBits(runOf(huge, "rosenbrock", 150, 0.3).w, reference.w));
    if (def->name != "lion") {
      EXPECT_FALSE(sameBits(runOf(tight, "rosenbrock", 150, 0.3).w, reference.w));
    }
  }
}

// SGD's clipped step has length exactly η·c/(‖g‖ + 1e-6)·‖g‖ when ‖g‖ > c.
TEST(Clipping, ClippedSgdStepHasTheClipLength) {
  RacerSpec r = racerOf(*findOptimizer("sgd"), 0.01);
  r.hyper.clipNorm = 0.5;
  RacerPath run = runOf(r, "rosenbrock", 1);
  Vec2 g = Surface(*findSurface("rosenbrock")).gradient({-1, 0.5});
  double n = norm(g);
  EXPECT_NEAR(norm(run.w[1] - run.w[0]), 0.01 * 0.5 / (n + 1e-6) * n, 1e-15);
}

// Without bias correction m̂ = m and v̂ = v: the same as with it once βᵗ is 0, which with
// β₁ = β₂ = 0 it is from the first step; and the terms once the powers have flushed.
TEST(BiasCorrection, OffEqualsOnOnceTheBetaPowersAreZero) {
  for (const char* name : {"adam", "adamw", "amsgrad"}) {
    RacerSpec on = racerOf(*findOptimizer(name), 0.01);
    on.hyper.beta1 = on.hyper.beta2 = 0.0;
    RacerSpec off = on;
    off.hyper.biasCorrection = false;
    SCOPED_TRACE(name);
    EXPECT_TRUE(
        sameBits(runOf(off, "rosenbrock", 100, 0.3).w, runOf(on, "rosenbrock", 100, 0.3).w));
    RacerSpec usual = racerOf(*findOptimizer(name), 0.01), raw = usual;
    raw.hyper.biasCorrection = false;
    EXPECT_FALSE(sameBits(runOf(raw, "rosenbrock", 100).w, runOf(usual, "rosenbrock", 100).w));
  }
  optimizers::Adam::Clock clockOn, clockOff;
  ClockInputs inputsOn{0.9, 0.999, true}, inputsOff{0.9, 0.999, false};
  optimizers::AdamTerms<double> tOn{}, tOff{};
  for (long t = 1; t <= 50000; ++t) {
    tOn = optimizers::Adam::terms(inputsOn, clockOn, t);
    tOff = optimizers::Adam::terms(inputsOff, clockOff, t);
  }
  EXPECT_EQ(clockOn.beta2Power, 0.0);  // flushed
  EXPECT_EQ(std::memcmp(&tOn, &tOff, sizeof tOn), 0);
}

// Adam's first step without bias correction is η·(1 − β₁)g/(√(1 − β₂)|g| + ε) per coordinate:
// 0.1/√0.001 ≈ 3.16 times η for the defaults, where the corrected step is η.
TEST(BiasCorrection, FirstRawStepIsTheMomentsRatio) {
  RacerSpec r = racerOf(*findOptimizer("adam"), 1e-3);
  r.hyper.biasCorrection = false;
  RacerPath run = runOf(r, "rosenbrock", 1);
  Vec2 g = Surface(*findSurface("rosenbrock")).gradient({-1, 0.5});
  double expected = 1e-3 * 0.1 * std::fabs(g.x) / (std::sqrt(0.001) * std::fabs(g.x) + 1e-8);
  EXPECT_NEAR(std::fabs(run.w[1].x - run.w[0].x), expected, 1e-15);
}

TEST(Schedules, BadSchedulesNameTheParameterAndRange) {
  auto problem = [](const char* text) {
    return validateSchedule(parseSchedule("--schedule", text)).value_or("");
  };
  EXPECT_EQ(problem("cosine"), "cosine needs t_max (t_max >= 1 (warmup_cosine: t_max > warmup))");
  EXPECT_EQ(problem("exponential:gamma=0"), "gamma must satisfy 0 < gamma <= 1 (got 0)");
  EXPECT_EQ(problem("step:step_size=0.5"), "step_size must satisfy step_size >= 1 (got 0.5)");
  EXPECT_EQ(problem("warmup_cosine:warmup=100,t_max=100"),
            "t_max must satisfy t_max > warmup (got t_max=100, warmup=100)");
  EXPECT_EQ(problem("cosine:t_max=10,eta_min=-1"), "eta_min must satisfy eta_min >= 0 (got -1)");
  EXPECT_THROW(parseSchedule("--schedule", "linear"), InputError);
  EXPECT_THROW(parseSchedule("--schedule", "warmup:t_max=3"), InputError);
  EXPECT_THROW(parseSchedule("--schedule", "warmup:warmup=inf"), InputError);
  EXPECT_THROW(parseSchedule("--schedule", "warmup:warmup=3,warmup=4"), InputError);
}

TEST(Schedules, LabelsSayScheduleClipAndBiasCorrection) {
  RacerSpec r = racerOf(*findOptimizer("adam"), 1e-3);
  r.hyper.biasCorrection = false;
  r.hyper.clipNorm = 1;
  r.schedule = parseSchedule("--schedule", "warmup:warmup=100");
  EXPECT_EQ(generatedLabel(r), "Adam (no bias correction) clip=1, warmup=100");
}

// Scenario files carry a racer's schedule, clipping and bias correction, and refuse bad ones by
// their JSON path.
TEST(Schedules, ScenarioKeysRoundTripAndRefuseByPath) {
  auto scenario = [](const std::string& racer) {
    return R"({"version": 1, "surface": {"name": "rosenbrock"}, "steps": 5, "racers": [)" + racer +
           "]}";
  };
  Scenario s = scenarioFromJson(scenario(
      R"({"optimizer": "adamw", "start": [0, 0], "hyper": {"bias_correction": false,
          "clip_norm": 0.5}, "schedule": {"name": "warmup_cosine",
          "params": {"warmup": 10, "t_max": 100}}})"));
  const RacerSpec& r = s.racers.at(0);
  EXPECT_FALSE(r.hyper.biasCorrection);
  EXPECT_EQ(r.hyper.clipNorm, 0.5);
  EXPECT_EQ(r.schedule.kind, ScheduleKind::WarmupCosine);
  EXPECT_EQ(r.schedule.value(ScheduleParam::TMax), 100);
  EXPECT_EQ(r.schedule.value(ScheduleParam::EtaMin), 0);
  Scenario again = scenarioFromJson(scenarioToJson(s));
  EXPECT_TRUE(again.racers.at(0).schedule == r.schedule);
  EXPECT_EQ(again.racers.at(0).hyper.clipNorm, 0.5);
  EXPECT_FALSE(again.racers.at(0).hyper.biasCorrection);
  EXPECT_FALSE(scenarioFromJson(scenarioToJson(defaultScenario(*findSurface("saddle"), {"sgd"})))
                   .racers.at(0)
                   .hyper.clips());

  auto refusal = [&](const std::string& racer) {
    try {
      scenarioFromJson(scenario(racer));
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal(R"({"optimizer": "adam", "start": [0, 0], "schedule": {"name": "linear"}})"),
            "$.racers[0].schedule.name: unknown schedule 'linear' (valid: constant, step, "
            "exponential, cosine, warmup, warmup_cosine)");
  EXPECT_EQ(refusal(R"({"optimizer": "adam", "start": [0, 0],
                        "schedule": {"name": "exponential", "params": {"gamma": 2}}})"),
            "$.racers[0].schedule.params.gamma: must satisfy 0 < gamma <= 1 (got 2)");
  EXPECT_EQ(refusal(R"({"optimizer": "adam", "start": [0, 0], "schedule": {"name": "cosine"}})"),
            "$.racers[0].schedule: cosine needs t_max (t_max >= 1 (warmup_cosine: t_max > warmup))");
  EXPECT_EQ(refusal(R"({"optimizer": "adam", "start": [0, 0], "hyper": {"clip_norm": 0}})"),
            "$.racers[0].hyper.clip_norm: must satisfy clip_norm > 0 (got 0)");
  EXPECT_EQ(refusal(R"({"optimizer": "sgd", "start": [0, 0], "hyper": {"bias_correction": false}})")
                .substr(0, 50),
            "$.racers[0].hyper.bias_correction: sgd does not us");
}

}  // namespace
}  // namespace optirace
