// Identities from the source texts, checked on the engine's own racers.
#include <gtest/gtest.h>

#include <cmath>

#include "optimizers/adam.h"
#include "racer.h"

namespace optirace {
namespace {

std::vector<Vec2> path(const std::string& optimizer, const Hyper& h, const Surface& s, Vec2 start,
                       long steps, RaceSettings settings = {}) {
  Racer racer({optimizer, optimizer, h, start}, s, settings);
  std::vector<Vec2> out{racer.current().w};
  for (long i = 0; i < steps; ++i) out.push_back(racer.step().w);
  return out;
}

Hyper defaultsOf(const char* optimizer) {
  return findOptimizer(optimizer)->defaults;
}

const Surface& rosenbrock() {
  static const Surface s(*findSurface("rosenbrock"));
  return s;
}

TEST(Identities, AdamWEqualsAdamWithoutDecay) {
  for (bool amsgrad : {false, true}) {
    Hyper h = defaultsOf("adam");
    h.lr = 0.01;
    h.amsgrad = amsgrad;
    Hyper hw = h;
    hw.weightDecay = 0.0;
    RaceSettings noisy{.noiseSigma = 0.3, .seed = 7, .view = {}};
    auto adam = path("adam", h, rosenbrock(), {-1, 0.5}, 500, noisy);
    auto adamw = path("adamw", hw, rosenbrock(), {-1, 0.5}, 500, noisy);
    for (std::size_t i = 0; i < adam.size(); ++i) ASSERT_EQ(adam[i], adamw[i]) << "step " << i;
  }
}

TEST(Identities, AdamWithL2DiffersFromAdamW) {
  Surface bowl(*findSurface("quadratic"));
  Hyper h = defaultsOf("adam");
  h.lr = 0.1;
  h.weightDecay = 0.01;  // seed 003's comparison: λ = 0.01, η = 0.1, 200 steps
  auto l2 = path("adam", h, bowl, {5, 0.5}, 200);
  auto decoupled = path("adamw", h, bowl, {5, 0.5}, 200);
  double largest = 0.0;
  for (std::size_t i = 0; i < l2.size(); ++i)
    largest = std::fmax(largest, norm(l2[i] - decoupled[i]));
  EXPECT_GT(largest, 1e-3);
  // The first step differs already: L2 enters the moments, decoupled decay does not.
  EXPECT_NE(l2[1], decoupled[1]);
}

TEST(Identities, SgdL2EqualsDecoupledDecayWithLrTimesLambda) {
  // w ← w − η(∇f + λw) = (1 − ηλ)w − η∇f: coupled λ is decoupled λ' = ηλ.
  Hyper h = defaultsOf("sgd");
  h.lr = 1e-3;
  h.weightDecay = 0.5;
  auto coupled = path("sgd", h, rosenbrock(), {-1, 0.5}, 300);
  double decayPrime = h.lr * h.weightDecay;
  Vec2 w{-1, 0.5};
  for (std::size_t i = 1; i < coupled.size(); ++i) {
    w = (1.0 - decayPrime) * w - h.lr * rosenbrock().gradient(w);
    EXPECT_NEAR(coupled[i].x, w.x, 1e-12 * std::fmax(1.0, std::fabs(w.x))) << "step " << i;
    EXPECT_NEAR(coupled[i].y, w.y, 1e-12 * std::fmax(1.0, std::fabs(w.y))) << "step " << i;
  }
}

TEST(Identities, MomentumWithZeroBetaIsSgd) {
  Hyper m = defaultsOf("momentum");
  m.lr = 1e-3;
  m.beta1 = 0.0;
  Hyper s = defaultsOf("sgd");
  s.lr = 1e-3;
  RaceSettings noisy{.noiseSigma = 0.5, .seed = 3, .view = {}};
  auto a = path("momentum", m, rosenbrock(), {-1, 0.5}, 400, noisy);
  auto b = path("sgd", s, rosenbrock(), {-1, 0.5}, 400, noisy);
  for (std::size_t i = 0; i < a.size(); ++i) ASSERT_EQ(a[i], b[i]) << "step " << i;
}

TEST(Identities, AdamAmsgradFlagEqualsAmsgradOptimizer) {
  Hyper h = defaultsOf("adam");
  h.lr = 0.05;
  h.amsgrad = true;
  auto flagged = path("adam", h, rosenbrock(), {-1, 0.5}, 300);
  h.amsgrad = false;
  auto named = path("amsgrad", h, rosenbrock(), {-1, 0.5}, 300);
  EXPECT_EQ(flagged, named);
}

// Seed 002: with bias correction Adam's first step is η·sign(g) per coordinate.
TEST(Identities, AdamFirstStepIsLrTimesSignOfGradient) {
  Hyper h = defaultsOf("adam");
  h.lr = 0.1;
  auto p = path("adam", h, rosenbrock(), {-1, 0.5}, 1);
  Vec2 g = rosenbrock().gradient({-1, 0.5});
  EXPECT_NEAR(p[1].x, -1 - 0.1 * (g.x > 0 ? 1 : -1), 1e-9);
  EXPECT_NEAR(p[1].y, 0.5 - 0.1 * (g.y > 0 ? 1 : -1), 1e-9);
}

// Lion moves every coordinate by exactly η per step (without decay).
TEST(Identities, LionStepsAreSignSized) {
  Hyper h = defaultsOf("lion");
  h.lr = 0.01;
  auto p = path("lion", h, rosenbrock(), {-1, 0.5}, 50);
  for (std::size_t i = 1; i < p.size(); ++i) {
    EXPECT_NEAR(std::fabs(p[i].x - p[i - 1].x), 0.01, 1e-12);
    EXPECT_NEAR(std::fabs(p[i].y - p[i - 1].y), 0.01, 1e-12);
  }
}

TEST(Hyperparameters, ValidationNamesParameterAndRange) {
  struct Case {
    HyperId id;
    double value;
    const char* expected;
  };
  for (Case c :
       {Case{HyperId::Lr, 0.0, "lr must satisfy lr > 0"},
        Case{HyperId::Lr, std::nan(""), "lr must satisfy lr > 0"},
        Case{HyperId::Beta1, 1.0, "beta1 must satisfy 0 <= beta1 < 1"},
        Case{HyperId::Beta2, -0.1, "beta2 must satisfy 0 <= beta2 < 1"},
        Case{HyperId::Eps, -1e-8, "eps must satisfy eps >= 0"},
        Case{HyperId::WeightDecay, INFINITY, "weight_decay must satisfy weight_decay >= 0"},
        Case{HyperId::Dampening, 1.0, "dampening must satisfy 0 <= dampening < 1"}}) {
    Hyper h;
    h.set(c.id, c.value);
    auto error = validateHyper(h);
    ASSERT_TRUE(error) << c.expected;
    EXPECT_NE(error->find(c.expected), std::string::npos) << *error;
    EXPECT_THROW(Racer({"x", "adam", h, {0, 0}}, rosenbrock(), RaceSettings{}),
                 std::invalid_argument);
  }
}

TEST(OptimizerCatalogue, EveryOptimizerIsComplete) {
  std::vector<std::string> names;
  for (const OptimizerDef* def : allOptimizers()) {
    names.emplace_back(def->name);
    EXPECT_FALSE(def->ruleText.empty()) << def->name;
    EXPECT_TRUE(def->usesHyper(HyperId::Lr)) << def->name;
    EXPECT_FALSE(validateHyper(def->defaults)) << def->name;
  }
  for (const char* name : {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw",
                           "nadam", "radam", "adamax", "adadelta", "lion", "amsgrad"})
    EXPECT_NE(findOptimizer(name), nullptr) << name;
  EXPECT_EQ(findOptimizer("adamw")->defaults.weightDecay, 0.01);  // PyTorch's default
  EXPECT_EQ(findOptimizer("rmsprop")->defaults.beta2, 0.99);      // torch's alpha
  EXPECT_EQ(findOptimizer("adadelta")->defaults.eps, 1e-6);
}

// Every optimizer reaches Rosenbrock's valley floor from the seed's start with a sensible η.
TEST(OptimizerCatalogue, EveryOptimizerDescends) {
  for (const OptimizerDef* def : allOptimizers()) {
    Hyper h = def->defaults;
    if (def->name == "sgd" || def->name == "momentum" || def->name == "nesterov") h.lr = 1e-3;
    if (def->name == "lion") h.lr = 1e-3;
    auto p = path(std::string(def->name), h, rosenbrock(), {-1, 0.5}, 3000);
    EXPECT_LT(rosenbrock().value(p.back()), rosenbrock().value(p.front()) * 0.5) << def->name;
  }
}

}  // namespace
}  // namespace optirace

namespace optirace {
namespace {

// Adam's βᵗ products are flushed to 0 once 1 − βᵗ is exactly 1 (below 2⁻⁶⁰), so long runs never
// do subnormal arithmetic (0.9 × a few subnormal ulps rounds back to itself forever).
TEST(Identities, AdamPowersNeverTurnSubnormal) {
  Hyper h = findOptimizer("adam")->defaults;
  h.lr = 1e-4;
  Racer racer({"adam", "adam", h, {-1, 0.5}}, Surface(*findSurface("rosenbrock")), RaceSettings{});
  for (int i = 0; i < 10000; ++i) {
    racer.step();
    const auto& clock = racer.run().memoryAs<optimizers::Adam>().clock;
    double p1 = clock.beta1Power, p2 = clock.beta2Power;
    ASSERT_TRUE(p1 == 0.0 || std::fpclassify(p1) == FP_NORMAL) << "step " << i + 1;
    ASSERT_TRUE(p2 == 0.0 || std::fpclassify(p2) == FP_NORMAL) << "step " << i + 1;
    if (p1 != 0.0) {
      ASSERT_GE(p1, 0x1p-60);
    }
  }
  const auto& clock = racer.run().memoryAs<optimizers::Adam>().clock;
  EXPECT_EQ(clock.beta1Power, 0.0);  // 0.9^10000 is far below 2^-60
  EXPECT_GT(clock.beta2Power, 0.0);  // 0.999^10000 ≈ 4.5e-5 is not
}

}  // namespace
}  // namespace optirace
