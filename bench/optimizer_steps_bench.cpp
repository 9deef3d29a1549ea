// Steps per second of every optimizer on Rosenbrock: the bare update rule, and a racer's full
// step (update, loss, gradient norm, status, trajectory). Not part of the tests' pass/fail.
#include <benchmark/benchmark.h>

#include "racer.h"

namespace optirace {
namespace {

const Surface& rosenbrock() {
  static const Surface s(*findSurface("rosenbrock"));
  return s;
}

Hyper stableHyper(const OptimizerDef& def) {
  Hyper h = def.defaults;
  h.lr = 1e-4;  // small enough that no optimizer leaves the valley during a long run
  return h;
}

void BM_UpdateRule(benchmark::State& state, const OptimizerDef* def) {
  Hyper h = stableHyper(*def);
  OptimizerMemory memory;
  def->start(memory);
  Vec2 w{-1.0, 0.5};
  long t = 0;
  for (auto _ : state) {
    Vec2 g = rosenbrock().gradient(def->gradientPoint(h, memory, w));
    w = def->step(h, memory, ++t, g, w);
    benchmark::DoNotOptimize(w);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_RacerStep(benchmark::State& state, const OptimizerDef* def) {
  Racer racer({"r", std::string(def->name), stableHyper(*def), {-1.0, 0.5}}, rosenbrock(),
              RaceSettings{.noiseSigma = 0.0, .seed = 0, .threshold = 1e-12, .view = {}});
  for (auto _ : state) benchmark::DoNotOptimize(racer.step());
  state.SetItemsProcessed(state.iterations());
}

// Registered from main: the optimizer definitions are other translation units' globals, not
// yet constructed while this file's statics are.
void registerAll() {
  for (const OptimizerDef* def : allOptimizers()) {
    std::string name(def->name);
    benchmark::RegisterBenchmark(("update_rule_" + name).c_str(), BM_UpdateRule, def);
    benchmark::RegisterBenchmark(("racer_step_" + name).c_str(), BM_RacerStep, def);
  }
}

}  // namespace
}  // namespace optirace

int main(int argc, char** argv) {
  optirace::registerAll();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
