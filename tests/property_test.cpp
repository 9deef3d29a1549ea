// Properties over random valid input from a seeded generator (the same cases every run; a
// failure names its case number): a scenario written and read back is the same scenario, every
// number bit for bit; any valid racer on any surface takes finite steps or is flagged diverged,
// never a NaN or ∞ left standing as its position or loss.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "expression/typed_surface.h"
#include "racer.h"
#include "scenario.h"

namespace optirace {
namespace {

// A small generator of valid input. Values are drawn from the ranges the window drags through
// (log-uniform where it drags on a log scale), so that every setting is exercised, and whatever
// core refuses (a schedule with t_max ≤ warmup, …) is drawn again.
class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}

  double uniform(double lo, double hi) { return std::uniform_real_distribution<>(lo, hi)(rng_); }
  double logUniform(double lo, double hi) { return std::exp(uniform(std::log(lo), std::log(hi))); }
  int index(std::size_t n) { return std::uniform_int_distribution<int>(0, int(n) - 1)(rng_); }
  bool coin() { return index(2) == 1; }

  Surface surface() {
    if (index(4) == 0) {  // typed: a built-in's expression, or another, its parameters drawn
      struct Typed {
        const char* text;
        std::vector<const char*> params;
      };
      const Typed typed[] = {{"(a - x)^2 + b*(y - x^2)^2", {"a", "b"}},
                             {"log(1 + exp(-(x + c*y))) + 0.05*(x^2 + y^2)", {"c"}},
                             {"sin(x)*cos(y) + 0.1*(x^2 + y^2)", {}},
                             {"x^2 + k*y^2 + x*y", {"k"}}};
      const Typed& t = typed[index(4)];
      TypedSurfaceSpec spec{t.text, {}, std::nullopt, std::nullopt};
      for (const char* name : t.params) spec.params.push_back({name, uniform(0.1, 20)});
      return makeTypedSurface(spec);
    }
    Surface s(*allSurfaces()[index(allSurfaces().size())]);
    for (const SurfaceParamDef& p : s.def().params)
      if (coin())
        s.setParam(p.name,
                   p.name == "angle" ? uniform(-90, 90) : p.defaultValue * uniform(0.5, 2.0));
    return s;
  }

  RacerSpec racer(const Surface& surface) {
    while (true) {
      const OptimizerDef& def = *allOptimizers()[index(allOptimizers().size())];
      RacerSpec r{.label = std::string(def.title),
                  .optimizer = std::string(def.name),
                  .hyper = def.defaults};
      for (HyperId id : def.uses) {
        const HyperInfo& info = hyperInfo(id);
        if (info.isFlag)
          r.hyper.set(id, coin() ? 1.0 : 0.0);
        else if (coin())
          r.hyper.set(id, info.logarithmic ? logUniform(info.dragLo, info.dragHi)
                                           : uniform(info.dragLo, info.dragHi));
      }
      if (index(4) == 0) r.hyper.clipNorm = logUniform(0.01, 100);
      if (coin()) {
        const ScheduleInfo& kind = allSchedules()[index(allSchedules().size())];
        r.schedule.kind = kind.kind;
        for (const ScheduleParamUse& use : kind.params) {
          const ScheduleParamInfo& p = scheduleParamInfo(use.param);
          r.schedule.set(use.param, p.logarithmic ? logUniform(p.dragLo, p.dragHi)
                                                  : uniform(p.dragLo, p.dragHi));
        }
      }
      const ViewBox& v = surface.def().defaultView;
      r.start = {uniform(v.xMin, v.xMax), uniform(v.yMin, v.yMax)};
      r.colorRgb = static_cast<std::uint32_t>(index(1 << 24));
      r.enabled = index(5) != 0;
      r.labelIsGenerated = coin();
      if (!racerSpecProblem(r)) return r;
    }
  }

  Scenario scenario() {
    Scenario s;
    s.surface = surface();
    s.title = coin() ? "a race ‘with’ “quotes” and \\ and η" : "";
    s.titleIsGenerated = s.title.empty();
    s.settings.view = s.surface.def().defaultView;
    s.settings.noiseSigma = coin() ? 0.0 : logUniform(1e-3, 3);
    s.settings.seed = rng_();
    s.settings.threshold = logUniform(1e-12, 1e-1);
    s.steps = 1 + index(5000);
    for (int k = 1 + index(8); k > 0; --k) s.racers.push_back(racer(s.surface));
    return s;
  }

 private:
  std::mt19937_64 rng_;
};

TEST(Properties, AScenarioWrittenAndReadBackIsTheSame) {
  Generator gen(20261129);
  for (int c = 0; c < 300; ++c) {
    Scenario s = gen.scenario();
    std::string text = scenarioToJson(s);
    Scenario back = scenarioFromJson(text);
    ASSERT_EQ(scenarioToJson(back), text) << "case " << c;
    EXPECT_EQ(back.surface.params(), s.surface.params()) << "case " << c;
    EXPECT_EQ(back.settings.seed, s.settings.seed) << "case " << c;
    EXPECT_EQ(back.settings.noiseSigma, s.settings.noiseSigma) << "case " << c;
    ASSERT_EQ(back.racers.size(), s.racers.size()) << "case " << c;
    for (std::size_t i = 0; i < s.racers.size(); ++i) {
      const RacerSpec &a = s.racers[i], &b = back.racers[i];
      EXPECT_EQ(b.optimizer, a.optimizer) << "case " << c;
      for (const HyperInfo& info : allHyperInfos())
        EXPECT_EQ(b.hyper.get(info.id), a.hyper.get(info.id)) << "case " << c << " " << info.name;
      EXPECT_TRUE(b.schedule == a.schedule) << "case " << c;
      EXPECT_EQ(b.start, a.start) << "case " << c;
      EXPECT_EQ(b.colorRgb, a.colorRgb) << "case " << c;
      EXPECT_EQ(b.enabled, a.enabled) << "case " << c;
    }
  }
}

TEST(Properties, EveryValidRacerStepsFinitelyOrIsFlaggedDiverged) {
  Generator gen(7);
  int diverged = 0, cases = 400;
  for (int c = 0; c < cases; ++c) {
    Surface surface = gen.surface();
    RacerSpec spec = gen.racer(surface);
    RaceSettings settings;
    settings.view = surface.def().defaultView;
    settings.noiseSigma = gen.coin() ? 0.0 : gen.logUniform(1e-3, 3);
    settings.seed = static_cast<std::uint64_t>(c);
    Racer r(spec, surface, settings);
    for (int t = 0; t < 300 && r.status() != RacerStatus::Diverged; ++t) {
      r.step();
      if (r.status() == RacerStatus::Diverged) break;
      const TrajectoryPoint& p = r.current();
      ASSERT_TRUE(std::isfinite(p.w.x) && std::isfinite(p.w.y) && std::isfinite(p.loss))
          << "case " << c << ": " << spec.optimizer << " on " << surface.def().name << " at step "
          << t + 1 << " is at (" << p.w.x << ", " << p.w.y << "), f = " << p.loss
          << ", not flagged";
    }
    diverged += r.status() == RacerStatus::Diverged;
  }
  // Both outcomes occur: the generator reaches settings that blow up as well as ones that do not.
  EXPECT_GT(diverged, 0);
  EXPECT_LT(diverged, cases);
}

}  // namespace
}  // namespace optirace
