// The networks' costs a window frame pays (scripts/train-bench prints them): the loss landscape
// slice on a 128 × 128 grid (issue 14's goal: under 100 ms), one training epoch of the circle,
// and the decision boundary's probabilities on a 128 × 128 grid of the input plane.
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "network/activation.h"
#include "network/dense_pass.h"
#include "network/slice_view.h"
#include "network/task_race.h"
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

// The instruction sets side by side in one process (run with --benchmark_repetitions and
// --benchmark_enable_random_interleaving to alternate them): one full-batch pass with the
// gradient over the circle through each variant's sample loops, and the epoch's 2 700 sigmoids
// through each sigmoid loop (0: SSE2, 1: AVX2 and FMA, 2: AVX-512); a variant the processor lacks
// is skipped.
bool variantRuns(int v) {
  return v == 0 || (v == 1 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) ||
         (v == 2 && __builtin_cpu_supports("avx512f"));
}
const char* variantName(int v) {
  return v == 0 ? "sse2" : v == 1 ? "avx2, fma" : "avx512";
}

void BM_CirclePassLoops(benchmark::State& state) {
  const int v = static_cast<int>(state.range(0));
  if (!variantRuns(v)) return state.SkipWithError("not on this processor");
  const DensePassLoops* loops[] = {&densePassLoopsSse2(), &densePassLoopsAvx2(),
                                   &densePassLoopsAvx512()};
  const TaskDef& task = *findTask("circle");
  DenseNetwork network(task.shape, task.data, loops[v]);
  std::vector<double> gradient(task.initialParams.size());
  for (auto _ : state) {
    benchmark::DoNotOptimize(network.evaluateWithGradient(task.initialParams, {}, gradient));
  }
  state.SetLabel(variantName(v));
}
BENCHMARK(BM_CirclePassLoops)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

void BM_EpochSigmoids(benchmark::State& state) {
  const int v = static_cast<int>(state.range(0));
  if (!variantRuns(v)) return state.SkipWithError("not on this processor");
  std::vector<double> z(2700), work(2700);
  for (int i = 0; i < 2700; ++i) z[i] = 4 * std::sin(0.1 * i);
  void (*const loops[])(double*, int) = {sigmoidSse2, sigmoidAvx2, sigmoidAvx512};
  for (auto _ : state) {
    work = z;
    loops[v](work.data(), 2700);
    benchmark::DoNotOptimize(work.data());
  }
  state.SetLabel(variantName(v));
}
BENCHMARK(BM_EpochSigmoids)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

// What a change of a task scenario costs the window (task_views.h): every racer trained for the
// budget (Shift+6: four Adam racers, warmups 0, 50, 100 and 200, 2000 epochs of the circle) and
// the principal-component slice with its 128 × 128 losses.
Scenario warmupScenario() {
  Scenario s;
  s.task = TaskSetup{.name = "circle"};
  s.steps = 2000;
  for (double warmup : {0.0, 50.0, 100.0, 200.0}) {
    RacerSpec r;
    r.optimizer = "adam";
    r.hyper = findOptimizer("adam")->defaults;
    r.hyper.lr = 0.01;
    if (warmup > 0) {
      r.schedule.kind = ScheduleKind::Warmup;
      r.schedule.set(ScheduleParam::Warmup, warmup);
    }
    s.racers.push_back(r);
  }
  return s;
}

void BM_TaskRaceShift6(benchmark::State& state) {
  Scenario s = warmupScenario();
  for (auto _ : state) benchmark::DoNotOptimize(TaskRace(s).racers().size());
}
BENCHMARK(BM_TaskRaceShift6)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SliceViewShift6(benchmark::State& state) {
  TaskRace race(warmupScenario());
  for (auto _ : state) benchmark::DoNotOptimize(computeSliceView(race, {}, 128).losses.data());
}
BENCHMARK(BM_SliceViewShift6)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace optirace

BENCHMARK_MAIN();
