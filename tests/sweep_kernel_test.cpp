// The vectorised sweep kernel against the engine's own stepping (every optimizer × surface pair
// of the registries, bit for bit), and sweeps over several noise seeds.
#include "sweep_kernel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "expression/typed_surface.h"
#include "number_format.h"
#include "sweep.h"

namespace optirace {
namespace {

// Bits, not values (so −0 ≠ +0); NaNs are equal whatever their sign and payload, which the
// order of a commutative operation's operands decides and IEEE leaves open.
bool sameBits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

// Every cell of the vectorised kernel, in each variant this processor runs, against the engine's
// own stepping (runSweepCell), bit for bit.
void expectKernelEqualsEngine(const SweepSpec& spec, const std::string& label) {
  SweepJob reference(spec, 1, std::nullopt);
  reference.wait();
  for (SweepIsa isa : supportedSweepIsas()) {
    std::vector<SweepCell> fast(static_cast<size_t>(spec.cellCount()));
    for (int first = 0; first < spec.cellCount(); first += 32)  // in SweepJob's chunks
      runSweepCellsFast(spec, first, std::min(32, spec.cellCount() - first), &fast[first], isa);
    for (int iy = 0; iy < spec.y->count; ++iy)
      for (int ix = 0; ix < spec.x.count; ++ix) {
        const SweepCell &a = fast[static_cast<size_t>(iy * spec.x.count + ix)],
                        &b = reference.cell(ix, iy);
        SCOPED_TRACE(label + " (" + sweepIsaName(isa) + ") cell " + std::to_string(ix) + "," +
                     std::to_string(iy));
        EXPECT_TRUE(sameBits(a.finalW.x, b.finalW.x)) << a.finalW.x << " " << b.finalW.x;
        EXPECT_TRUE(sameBits(a.finalW.y, b.finalW.y)) << a.finalW.y << " " << b.finalW.y;
        EXPECT_TRUE(sameBits(a.finalLoss, b.finalLoss)) << a.finalLoss << " " << b.finalLoss;
        EXPECT_TRUE(sameBits(a.bestGap, b.bestGap)) << a.bestGap << " " << b.bestGap;
        EXPECT_EQ(a.stepsToThreshold, b.stepsToThreshold);
        EXPECT_EQ(a.divergedStep, b.divergedStep);
        EXPECT_EQ(a.minimizer, b.minimizer);
      }
  }
}

SweepSpec kernelSpec(const OptimizerDef& opt, const SurfaceDef& surface) {
  SweepSpec spec;
  spec.surface = Surface(surface);
  spec.optimizer = std::string(opt.name);
  spec.hyper = opt.defaults;
  spec.start = surface.defaultStart;
  spec.steps = 300;
  spec.settings.view = surface.defaultView;
  spec.settings.seed = 21;
  spec.settings.threshold = 1e-4;
  return spec;
}

// An axis over hyperparameter id's default sweep range (core's HyperInfo).
SweepAxis hyperAxis(HyperId id, int count) {
  const HyperInfo& info = hyperInfo(id);
  return parseSweepAxis("--x", std::string(info.name) + ":" + formatNumber(info.sweepLo) + ":" +
                                   formatNumber(info.sweepHi) + ":" +
                                   (info.logarithmic ? "log" : "lin") + ":" +
                                   std::to_string(count));
}

// Every optimizer × surface pair of the registries. Each pair twice: η along x with another
// setting the optimizer uses along y (the per-step terms shared by a block), noise and decay;
// and that setting along x (the terms per cell), noiseless. η spans four decades ending at the
// optimizer's default × 10, so some cells converge, some crawl and some diverge.
TEST(SweepKernel, EveryOptimizerOnEverySurfaceEqualsTheEngine) {
  std::vector<SweepIsa> run = supportedSweepIsas();
  for (SweepIsa isa : {SweepIsa::Baseline, SweepIsa::Avx2, SweepIsa::Avx512})
    if (std::find(run.begin(), run.end(), isa) == run.end())
      std::cout << "[ SKIPPED  ] the " << sweepIsaName(isa)
                << " variant (compiled, but this processor cannot run it)\n";
  for (const OptimizerDef* opt : allOptimizers())
    for (const SurfaceDef* surface : allSurfaces()) {
      HyperId other = HyperId::WeightDecay;
      for (HyperId id : {HyperId::Beta1, HyperId::Beta2, HyperId::Dampening, HyperId::Eps})
        if (opt->usesHyper(id)) {
          other = id;
          break;
        }
      std::string label = std::string(opt->name) + " on " + std::string(surface->name);
      double lr = opt->defaults.lr;
      SweepSpec spec = kernelSpec(*opt, *surface);
      spec.x = parseSweepAxis(
          "--x", "lr:" + formatNumber(lr * 1e-3) + ":" + formatNumber(lr * 10) + ":log:7");
      spec.y = hyperAxis(other, 3);
      spec.settings.noiseSigma = 0.3;
      spec.hyper.weightDecay = other == HyperId::WeightDecay ? 0.0 : 0.01;
      expectKernelEqualsEngine(spec, label + ", eta along x");

      spec = kernelSpec(*opt, *surface);
      spec.x = hyperAxis(other, 5);
      spec.y =
          parseSweepAxis("--y", "lr:" + formatNumber(lr * 0.1) + ":" + formatNumber(lr) + ":log:2");
      expectKernelEqualsEngine(spec, label + ", " + spec.x.name() + " along x");
      if (HasFailure()) return;  // one failing pair says enough
    }
}

// Special cases: AMSGrad by flag, start positions as axes, a rotated bowl, and the fallback to
// torch's order of Adam, NAdam and RAdam (optimizers/one_division.h: a start on the quadratic's
// axis keeps v_y = 0, so with ε ≈ 1e-307 the product of the denominators is subnormal in some
// lanes of a vector).
TEST(SweepKernel, SpecialCasesEqualTheEngine) {
  struct Case {
    const char* surface;
    const char* optimizer;
    const char* x;
    const char* y;
    double sigma, decay, dampening;
    bool amsgrad;
    double angle = 25.0;
    Vec2 start = {-1, 0.5};
  };
  constexpr const char* kTinyEps = "eps:1e-307:1e-6:log:9";
  for (Case c :
       {Case{"rosenbrock", "adam", "lr:1e-4:1:log:9", "beta2:0.5:0.999:lin:5", 0.3, 0.01, 0, true},
        Case{"quadratic", "adamw", "lr:1e-3:1:log:9", "eps:1e-10:1e-2:log:5", 0.0, 0.1, 0, true},
        Case{"rosenbrock", "momentum", "lr:1e-5:0.01:log:9", "dampening:0:0.9:lin:4", 0.3, 0.01,
             0.5, false},
        Case{"quadratic", "momentum", "start_x:-6:6:lin:6", "start_y:-1.5:1.5:lin:5", 0.0, 0.0, 0.1,
             false},
        Case{"rosenbrock", "adamw", "beta1:0:0.99:lin:19", "beta2:0.9:0.999:lin:3", 0.2, 0.05, 0,
             true},
        Case{"quadratic", "adam", kTinyEps, "lr:1e-3:0.5:log:3", 0, 0, 0, false, 0, {1, 0}},
        Case{"quadratic", "nadam", kTinyEps, "lr:1e-3:0.5:log:3", 0, 0, 0, false, 0, {1, 0}},
        Case{"quadratic", "radam", kTinyEps, "lr:1e-3:0.5:log:3", 0, 0, 0, false, 0, {1, 0}}}) {
    SweepSpec spec = kernelSpec(*findOptimizer(c.optimizer), *findSurface(c.surface));
    if (std::string(c.surface) == "quadratic") spec.surface.setParam("angle", c.angle);
    spec.hyper.weightDecay = c.decay;
    spec.hyper.dampening = c.dampening;
    spec.hyper.amsgrad = c.amsgrad;
    spec.start = c.start;
    spec.steps = 400;
    spec.settings.noiseSigma = c.sigma;
    spec.x = parseSweepAxis("--x", c.x);
    spec.y = parseSweepAxis("--y", c.y);
    expectKernelEqualsEngine(spec, std::string(c.optimizer) + " on " + c.surface);
  }
}

// Schedules and clipping in the kernel: every optimizer with a schedule parameter swept (ηₜ per
// lane), with a fixed schedule over an η axis (ηₜ shared by a block), and with clip_norm swept.
TEST(SweepKernel, SchedulesAndClippingEqualTheEngine) {
  for (const OptimizerDef* opt : allOptimizers()) {
    const SurfaceDef& surface = *findSurface("rosenbrock");
    std::string label(opt->name);
    double lr = opt->defaults.lr;
    std::string lrAxis = "lr:" + formatNumber(lr * 0.1) + ":" + formatNumber(lr * 30) + ":log:3";

    SweepSpec spec = kernelSpec(*opt, surface);
    spec.schedule = parseSchedule("--schedule", "warmup_cosine:t_max=250,eta_min=1e-5");
    spec.x = parseSweepAxis("--x", "warmup:1:200:lin:9");
    spec.y = parseSweepAxis("--y", lrAxis);
    spec.settings.noiseSigma = 0.3;
    expectKernelEqualsEngine(spec, label + ", warmup along x");

    spec = kernelSpec(*opt, surface);
    spec.schedule = parseSchedule("--schedule", "step:step_size=40,gamma=0.5");
    spec.hyper.clipNorm = 2.0;
    spec.x = parseSweepAxis(
        "--x", "lr:" + formatNumber(lr * 0.1) + ":" + formatNumber(lr * 30) + ":log:9");
    spec.y = parseSweepAxis("--y", "gamma:0.3:1:lin:2");
    expectKernelEqualsEngine(spec, label + ", step schedule, lr along x");

    spec = kernelSpec(*opt, surface);
    spec.schedule = parseSchedule("--schedule", "cosine:t_max=200");
    spec.x = parseSweepAxis("--x", "clip_norm:0.01:100:log:9");
    spec.y = parseSweepAxis("--y", lrAxis);
    spec.settings.noiseSigma = 0.3;
    if (opt->usesHyper(HyperId::BiasCorrection)) spec.hyper.biasCorrection = false;
    expectKernelEqualsEngine(spec, label + ", clip_norm along x");
    if (HasFailure()) return;
  }
}

// Typed surfaces in the kernel: every optimizer on expressions that use every operation and
// function (each lane calls the race's own elementary functions), bit for bit; cells that reach
// NaN (log of a negative number, sqrt below 0) diverge at the same step in both.
TEST(SweepKernel, TypedSurfacesEqualTheEngine) {
  struct Expr {
    const char* text;
    std::vector<std::pair<std::string, double>> params;
  };
  for (const Expr& e :
       {Expr{"(a - x)^2 + b*(y - x^2)^2", {{"a", 1}, {"b", 100}}},
        Expr{"log(1 + exp(-x*y)) + 0.1*(x^2 + y^2) + sin(x)*cos(y)/4 + tanh(x - y)^2", {}},
        Expr{"sqrt(x^2 + y^2 + 1) + atan(x) - asin(y/8) + acos(x/8) + sinh(y/4) + cosh(x/4)", {}},
        Expr{"abs(x) + min(x, y)^2 + max(y, 0.5) + atan2(y, x + 3) + tan(y/4) + log10(x^2 + 2)",
             {}},
        Expr{"pow(x^2 + 1, y/4) + 2^-x^2 + x^-2*0 + x^3/30 + y^4/8 + exp(q*x)", {{"q", -0.25}}},
        Expr{"log(x) + sqrt(y) + x^2 + y^2", {}},
        // Parts made of parameters only (computed once per block by the kernel), one of them
        // with a ∇ part that is NaN (sqrt at 0: 0/0), which the kernel must reuse as computed.
        Expr{"x^2*exp(c*d) + (y - log(c))^2 + c*d", {{"c", 0.7}, {"d", 0.4}}},
        Expr{"sqrt(c)*x^2 + y^2", {{"c", 0}}}}) {
    Surface s = makeTypedSurface({e.text, e.params, ViewBox{-2, 2, -2, 2}, std::nullopt});
    for (const OptimizerDef* opt : allOptimizers()) {
      SweepSpec spec;
      spec.surface = s;
      spec.optimizer = std::string(opt->name);
      spec.hyper = opt->defaults;
      spec.start = {1.3, 0.7};
      spec.steps = 120;
      spec.settings.view = ViewBox{-2, 2, -2, 2};
      spec.settings.seed = 5;
      spec.settings.noiseSigma = 0.2;
      spec.settings.threshold = 1e-3;
      double lr = opt->defaults.lr;
      spec.x = parseSweepAxis(
          "--x", "lr:" + formatNumber(lr * 1e-2) + ":" + formatNumber(lr * 30) + ":log:6");
      spec.y = parseSweepAxis("--y", "start_y:-1.5:1.5:lin:3");
      expectKernelEqualsEngine(spec, std::string(opt->name) + " on " + e.text);
      if (HasFailure()) return;
    }
  }
}

// --seeds K: every cell run for K consecutive seeds. Against K one-seed sweeps: the final gap's
// median and its 10 % / 90 % quantiles by NumPy's default definition (linear interpolation at
// position p·(K − 1) of the sorted values), and the other fields from the median run's seed.
TEST(SweepSeeds, MedianAndQuantilesOfTheOneSeedSweeps) {
  SweepSpec spec = kernelSpec(*findOptimizer("adam"), *findSurface("rosenbrock"));
  spec.settings.noiseSigma = 2.0;
  spec.settings.seed = 40;
  spec.x = parseSweepAxis("--x", "lr:1e-3:0.3:log:9");
  spec.y = parseSweepAxis("--y", "beta1:0:0.99:lin:3");
  const int k = 5;
  std::vector<std::unique_ptr<SweepJob>> single;
  for (int s = 0; s < k; ++s) {
    SweepSpec one = spec;
    one.settings.seed = spec.settings.seed + static_cast<std::uint64_t>(s);
    single.push_back(std::make_unique<SweepJob>(one, 2));
    single.back()->wait();
  }
  spec.seeds = k;
  SweepJob job(spec, 2);
  job.wait();
  int spread = 0;
  for (int iy = 0; iy < spec.y->count; ++iy)
    for (int ix = 0; ix < spec.x.count; ++ix) {
      std::vector<std::pair<double, int>> gaps;  // (gap, seed index), diverged as +inf
      for (int s = 0; s < k; ++s) {
        const SweepCell& c = single[static_cast<size_t>(s)]->cell(ix, iy);
        gaps.push_back({c.divergedStep >= 0 ? INFINITY : c.finalGap, s});
      }
      std::stable_sort(gaps.begin(), gaps.end(), [](auto a, auto b) { return a.first < b.first; });
      auto at = [&](double p) {  // NumPy's linear method for k = 5: positions 0.4, 2, 3.6
        double pos = p * (k - 1);
        int i = static_cast<int>(pos);
        double lo = gaps[size_t(i)].first, hi = gaps[size_t(std::min(i + 1, k - 1))].first;
        return hi == lo ? lo : lo + (pos - i) * (hi - lo);
      };
      const SweepCell& c = job.cell(ix, iy);
      SCOPED_TRACE("cell " + std::to_string(ix) + "," + std::to_string(iy));
      EXPECT_DOUBLE_EQ(c.finalGapP10, at(0.1));
      EXPECT_DOUBLE_EQ(c.finalGap, gaps[2].first);
      EXPECT_DOUBLE_EQ(c.finalGapP90, at(0.9));
      const SweepCell& median = single[size_t(gaps[2].second)]->cell(ix, iy);
      EXPECT_EQ(c.finalW, median.finalW);
      EXPECT_EQ(c.stepsToThreshold, median.stepsToThreshold);
      EXPECT_EQ(c.divergedStep, median.divergedStep);
      if (c.finalGapP90 > c.finalGapP10) ++spread;
    }
  EXPECT_GT(spread, spec.cellCount() / 2);  // σ = 2 does spread the runs
}

}  // namespace
}  // namespace optirace
