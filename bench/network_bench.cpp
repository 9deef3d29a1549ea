// The networks' costs a window frame pays (scripts/train-bench prints them): the loss landscape
// slice on a 128 × 128 grid (issue 14's goal: under 100 ms), one training epoch of the circle,
// and the decision boundary's probabilities on a 128 × 128 grid of the input plane.
#include <benchmark/benchmark.h>

#include <vector>

#include "network/training_run.h"
#include "network/weight_slice.h"
#include "optimizer.h"

namespace optirace {
namespace {

void BM_SliceLosses128(benchmark::State& state) {
  const TaskDef& task = *findTask(state.range(0) == 0 ? "xor" : "circle");
  WeightSlice slice = randomFilterNormalisedSlice(task.shape, task.initialParams, 1);
  std::vector<double> losses(128 * 128);
  for (auto _ : state) {
    sliceLosses(task.shape, task.data, slice, {-1, 1, -1, 1}, 128, 128, losses);
    benchmark::DoNotOptimize(losses.data());
  }
  state.SetLabel(std::string(task.name));
}
BENCHMARK(BM_SliceLosses128)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CircleEpoch(benchmark::State& state) {
  const OptimizerDef& def = *allOptimizers()[state.range(0)];
  Hyper h = def.defaults;
  TrainingRun run(*findTask("circle"), def, h, {}, {});
  for (auto _ : state) run.epoch();
  state.SetLabel(std::string(def.name));
  state.counters["epochs/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CircleEpoch)->DenseRange(0, 12)->Unit(benchmark::kMicrosecond);

void BM_DecisionGrid128(benchmark::State& state) {
  const TaskDef& task = *findTask("circle");
  DenseNetwork network(task.shape, task.data);
  std::vector<double> xs(128 * 128), ys(128 * 128), out(128 * 128);
  for (int i = 0; i < 128 * 128; ++i) {
    xs[i] = -1 + 2 * (i % 128 + 0.5) / 128;
    ys[i] = -1 + 2 * (i / 128 + 0.5) / 128;
  }
  for (auto _ : state) {
    network.predict(task.initialParams, xs, ys, out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_DecisionGrid128)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace optirace

BENCHMARK_MAIN();
