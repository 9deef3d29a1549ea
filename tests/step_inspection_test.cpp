// The step inspector shows what the step computed: its lines, replayed, give the step taken to
// the bit, for every optimizer on every surface, with noise, clipping, decay and a schedule;
// and its arrows are the quantities the theory names (−η·g, the carried momentum).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "optimizer.h"
#include "optimizer_run.h"
#include "surface.h"

namespace optirace {
namespace {

bool sameBits(Vec2 a, Vec2 b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

struct Setting {
  const char* what;
  double sigma, clipNorm, weightDecay;
  bool schedule;
};
constexpr Setting kSettings[] = {
    {"plain", 0.0, INFINITY, 0.0, false},
    {"noisy, clipped, decayed, scheduled", 0.5, 0.7, 0.05, true},
};

Hyper hyperFor(const OptimizerDef& def, const Setting& s) {
  Hyper h = def.defaults;
  h.lr = std::fmin(h.lr * 3.0, 0.05);  // visible steps without leaving the view
  h.clipNorm = s.clipNorm;
  if (def.usesHyper(HyperId::WeightDecay)) h.weightDecay = s.weightDecay;
  return h;
}

// Replays the recorded lines from w: each move subtracted, each shrink applied, each mix summed.
Vec2 replay(const StepInspection& inspection) {
  Vec2 w = inspection.taken.w;
  for (const StepLine& line : inspection.lines) {
    switch (line.kind) {
      case StepLine::Kind::Mix:
        EXPECT_TRUE(sameBits(line.result, line.first + line.second)) << line.name;
        break;
      case StepLine::Kind::Descend:
        EXPECT_TRUE(sameBits(line.first, w)) << "a move starts where the last one ended";
        w = {w.x - line.second.x, w.y - line.second.y};
        break;
      case StepLine::Kind::Shrink:
        EXPECT_TRUE(sameBits(line.first, w));
        w = {line.second.x * w.x, line.second.x * w.y};
        break;
      case StepLine::Kind::Note:
        break;
    }
  }
  return w;
}

TEST(StepInspection, LinesAddUpToTheStepTakenBitForBitForEveryOptimizerAndSurface) {
  int checked = 0;
  for (const OptimizerDef* def : allOptimizers())
    for (const SurfaceDef* surfaceDef : allSurfaces())
      for (const Setting& setting : kSettings) {
        SCOPED_TRACE(std::string(def->name) + " on " + std::string(surfaceDef->name) + ", " +
                     setting.what);
        Surface surface(*surfaceDef);
        Schedule schedule{};
        if (setting.schedule) {
          schedule.kind = ScheduleKind::Cosine;
          schedule.set(ScheduleParam::TMax, 40);
        }
        OptimizerRun run(*def, hyperFor(*def, setting), schedule, surface, setting.sigma, 7,
                         surfaceDef->defaultStart);
        for (int k = 0; k < 40 && isFinite(run.position()); ++k) {
          StepInspection inspection = run.inspectNextStep();
          Vec2 before = run.position();
          Vec2 next = run.step();
          ASSERT_TRUE(sameBits(inspection.taken.w, before));
          ASSERT_TRUE(sameBits(inspection.taken.next, next)) << "step " << k + 1;
          ASSERT_EQ(inspection.taken.t, k + 1);
          EXPECT_EQ(inspection.taken.hyper.lr, run.lastLr());
          ASSERT_TRUE(sameBits(replay(inspection), next)) << "step " << k + 1;
          EXPECT_TRUE(sameBits(inspection.plainStep, -(run.lastLr() * inspection.taken.g)));
          ++checked;
        }
      }
  EXPECT_GT(checked, static_cast<int>(allOptimizers().size() * allSurfaces().size()) * 40);
}

const StepLine* lineNamed(const StepInspection& inspection, const std::string& name) {
  for (const StepLine& line : inspection.lines)
    if (line.name == name) return &line;
  return nullptr;
}

// A run of `optimizer` in the κ = 50 bowl from (−4, 3), without noise.
OptimizerRun runInBowl(const char* optimizer, const Hyper& h) {
  static const Surface bowl(*findSurface("quadratic"));
  return OptimizerRun(*findOptimizer(optimizer), h, {}, bowl, 0.0, 1, {-4.0, 3.0});
}

// Heavy ball, d = 0: the step is −η·b = −η·(β₁·b₋ + g), so the carried share is −η·β₁·b₋ and
// the rest is −η·g, plain gradient descent's step.
TEST(StepInspection, MomentumSplitsIntoCarriedMomentumAndTheGradientStep) {
  Hyper h = findOptimizer("momentum")->defaults;
  h.lr = 0.02;
  OptimizerRun run = runInBowl("momentum", h);
  StepInspection first = run.inspectNextStep();
  EXPECT_EQ(first.memoryStep->x, 0.0) << "nothing is carried into the first step";
  Vec2 previousBuffer = lineNamed(first, "b")->result;
  run.step();
  for (int k = 2; k < 30; ++k) {
    StepInspection inspection = run.inspectNextStep();
    Vec2 carried = -(h.lr * (h.beta1 * previousBuffer));
    EXPECT_NEAR(inspection.memoryStep->x, carried.x, 1e-14 * (1.0 + std::abs(carried.x)));
    EXPECT_NEAR(inspection.memoryStep->y, carried.y, 1e-14 * (1.0 + std::abs(carried.y)));
    Vec2 rest = inspection.step() - *inspection.memoryStep;
    EXPECT_NEAR(rest.x, inspection.plainStep.x, 1e-13);
    EXPECT_NEAR(rest.y, inspection.plainStep.y, 1e-13);
    previousBuffer = lineNamed(inspection, "b")->result;
    run.step();
  }
}

// Adam's first step: m̂ = g and v̂ = g², so each coordinate moves by η·g/(|g| + ε) ≈ η·sign(g)
// (seed 003's remark on the first step's size); the effective step size is η/(|g| + ε).
TEST(StepInspection, AdamsFirstStepShowsTheBiasCorrectedMoments) {
  Surface rosenbrock(*findSurface("rosenbrock"));
  const OptimizerDef& adam = *findOptimizer("adam");
  Hyper h = adam.defaults;
  h.lr = 0.05;
  OptimizerRun run(adam, h, {}, rosenbrock, 0.0, 1, {-1.5, 2.0});
  StepInspection inspection = run.inspectNextStep();
  Vec2 g = inspection.taken.g;
  Vec2 mHat = lineNamed(inspection, "m̂")->result, vHat = lineNamed(inspection, "v̂")->result;
  EXPECT_NEAR(mHat.x, g.x, 1e-12 * std::abs(g.x));
  EXPECT_NEAR(vHat.y, g.y * g.y, 1e-12 * g.y * g.y);
  Vec2 size = lineNamed(inspection, "η/(√v̂ + ε)")->result;
  EXPECT_NEAR(size.x, h.lr / (std::abs(g.x) + h.eps), 1e-12 * size.x);
  EXPECT_NEAR(inspection.step().x, -h.lr * std::copysign(1.0, g.x), 1e-9);
  EXPECT_NEAR(inspection.step().y, -h.lr * std::copysign(1.0, g.y), 1e-9);
  ASSERT_TRUE(inspection.memoryStep.has_value());
  EXPECT_EQ(inspection.memoryStep->x, 0.0) << "m starts at 0: nothing carried";
}

// AdamW shrinks w by (1 − ηλ) before Adam's move; coupled decay adds λ·w to g instead.
TEST(StepInspection, DecayIsShownWhereTheRuleTakesIt) {
  Surface bowl(*findSurface("quadratic"));
  Vec2 start{-4.0, 3.0};
  for (const char* name : {"adamw", "adam"}) {
    const OptimizerDef& def = *findOptimizer(name);
    Hyper h = def.defaults;
    h.lr = 0.1;
    h.weightDecay = 0.2;
    OptimizerRun run(def, h, {}, bowl, 0.0, 1, start);
    StepInspection inspection = run.inspectNextStep();
    const StepLine* shrink = lineNamed(inspection, "w");
    if (def.decay == DecayKind::Decoupled) {
      EXPECT_EQ(shrink->kind, StepLine::Kind::Shrink);
      EXPECT_EQ(shrink->second.x, 1.0 - 0.1 * 0.2);
      EXPECT_EQ(inspection.coupledDecay.x, 0.0);
    } else {
      EXPECT_EQ(shrink->kind, StepLine::Kind::Descend);
      EXPECT_EQ(inspection.coupledDecay.x, 0.2 * start.x);
      EXPECT_EQ(inspection.taken.g.x, inspection.taken.surfaceGradient.x + 0.2 * start.x);
    }
  }
}

TEST(StepInspection, ClippingIsReportedWhenItScaledTheGradient) {
  Hyper h = findOptimizer("sgd")->defaults;
  h.clipNorm = 0.5;
  StepInspection inspection = runInBowl("sgd", h).inspectNextStep();
  EXPECT_TRUE(inspection.clipped);
  EXPECT_NEAR(norm(inspection.taken.g), 0.5, 1e-6);
  h.clipNorm = 1e6;
  EXPECT_FALSE(runInBowl("sgd", h).inspectNextStep().clipped);
}

}  // namespace
}  // namespace optirace
