// Typed surfaces: parsing and compiling a 10 kB expression (the goal: under 10 ms), and
// making the surface from it (compiling plus the minimum search in its view). Not part of the
// tests' pass/fail.
#include <benchmark/benchmark.h>

#include <string>

#include "expression/typed_surface.h"

namespace optirace {
namespace {

// About 10 kB of a logistic-regression loss: one term per data point, as a lecturer would
// write it out, with every term distinct (no sharing to make it cheap).
std::string tenKilobytes() {
  std::string text = "(";
  for (int i = 0; text.size() < 10000; ++i) {
    if (i) text += " + ";
    text += "log(1 + exp(-(" + std::to_string(0.01 * (i % 97) - 0.5) + "*x + " +
            std::to_string(0.013 * (i % 89) - 0.6) + "*y)))";
  }
  return text + ")/100 + lambda*(x^2 + y^2)/2";
}

void BM_CompileTenKilobytes(benchmark::State& state) {
  std::string text = tenKilobytes();
  for (auto _ : state) benchmark::DoNotOptimize(compileExpression(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["instructions"] = static_cast<double>(compileExpression(text).code.size());
}
BENCHMARK(BM_CompileTenKilobytes)->Unit(benchmark::kMillisecond);

void BM_TypedSurfaceTenKilobytes(benchmark::State& state) {
  std::string text = tenKilobytes();
  for (auto _ : state)
    benchmark::DoNotOptimize(
        makeTypedSurface({text, {{"lambda", 0.01}}, std::nullopt, std::nullopt}));
}
BENCHMARK(BM_TypedSurfaceTenKilobytes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace optirace

BENCHMARK_MAIN();
