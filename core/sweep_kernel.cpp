#include "sweep_kernel.h"

#include <immintrin.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "noise.h"
#include "optimizer_run.h"
#include "optimizers/adam_core.h"

namespace optirace {

namespace {

enum class SurfaceKind { Quadratic, Rosenbrock };
enum class Rule { Sgd, Momentum, Adam, AdamAmsgrad, AdamW, AdamWAmsgrad };

constexpr bool isAdam(Rule r) {
  return r != Rule::Sgd && r != Rule::Momentum;
}
constexpr bool isDecoupled(Rule r) {
  return r == Rule::AdamW || r == Rule::AdamWAmsgrad;
}
constexpr bool usesMax(Rule r) {
  return r == Rule::AdamAmsgrad || r == Rule::AdamWAmsgrad;
}

Rule ruleFor(const SweepSpec& spec) {
  const std::string& o = spec.optimizer;
  if (o == "sgd") return Rule::Sgd;
  if (o == "momentum") return Rule::Momentum;
  if (o == "adamw") return spec.hyper.amsgrad ? Rule::AdamWAmsgrad : Rule::AdamW;
  if (o == "amsgrad") return Rule::AdamAmsgrad;
  return spec.hyper.amsgrad ? Rule::AdamAmsgrad : Rule::Adam;
}

struct SurfaceConstants {
  double a, b;    // quadratic: curvatures; rosenbrock: a and b
  double cs, sn;  // quadratic: cos θ, sin θ (as core/surfaces/quadratic.cpp computes them)
  double fStar;
};

SurfaceConstants constantsFor(const Surface& surface) {
  const SurfaceParams& p = surface.params();
  SurfaceConstants k{p[0], p[1], 1.0, 0.0, surface.minimumValue()};
  if (surface.name() == "quadratic") {  // the rotation exactly as core/surfaces/quadratic.cpp
    double theta = p[2] * std::numbers::pi / 180.0;
    k.cs = std::cos(theta);
    k.sn = std::sin(theta);
  }
  return k;
}

// The body compiled three times (GCC's target pragma does not define __AVX__ for the
// preprocessor, hence SWEEP_BLOCK_AVX). A block's vectors have independent dependency chains
// (gradient → moments → √ → ÷ → update) that interleave. Sizes as measured on the reference
// sweep (scripts/sweep-bench): AVX-512, 4 × 8 lanes (2 × 8: 10 % slower, its two chains
// expose the √ and ÷ latency); AVX2, 8 × 4 lanes (4 × 4 was slower).
namespace baseline {
constexpr int kLanes = 4, kVectors = 4;
#define SWEEP_BLOCK_AVX 0
#define SWEEP_BLOCK_AVX512 0
#include "sweep_block.inc"
#undef SWEEP_BLOCK_AVX
#undef SWEEP_BLOCK_AVX512
}  // namespace baseline

#pragma GCC push_options
#pragma GCC target("avx2")
namespace avx2 {
#define SWEEP_BLOCK_AVX 1
#define SWEEP_BLOCK_AVX512 0
constexpr int kLanes = 4, kVectors = 8;
#include "sweep_block.inc"
#undef SWEEP_BLOCK_AVX
#undef SWEEP_BLOCK_AVX512
}  // namespace avx2
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512dq")
namespace avx512 {
#define SWEEP_BLOCK_AVX 1
#define SWEEP_BLOCK_AVX512 1
constexpr int kLanes = 8, kVectors = 4;
#include "sweep_block.inc"
#undef SWEEP_BLOCK_AVX
#undef SWEEP_BLOCK_AVX512
}  // namespace avx512
#pragma GCC pop_options

}  // namespace

std::vector<SweepIsa> supportedSweepIsas() {
  std::vector<SweepIsa> isas{SweepIsa::Baseline};
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) isas.push_back(SweepIsa::Avx2);
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512dq"))
    isas.push_back(SweepIsa::Avx512);
  return isas;
}

SweepIsa bestSweepIsa() {
  static const SweepIsa best = supportedSweepIsas().back();
  return best;
}

const char* sweepIsaName(SweepIsa isa) {
  switch (isa) {
    case SweepIsa::Baseline:
      return "x86-64";
    case SweepIsa::Avx2:
      return "AVX2";
    case SweepIsa::Avx512:
      return "AVX-512";
  }
  return "?";
}

bool sweepKernelSupports(const SweepSpec& spec) {
  const std::string& o = spec.optimizer;
  bool optimizer = o == "sgd" || o == "momentum" || o == "adam" || o == "adamw" || o == "amsgrad";
  std::string_view s = spec.surface.name();
  return optimizer && (s == "quadratic" || s == "rosenbrock");
}

void runSweepCellsFast(const SweepSpec& spec, int first, int count, SweepCell* out, SweepIsa isa) {
  switch (isa) {
    case SweepIsa::Avx512:
      return avx512::runCells(spec, first, count, out);
    case SweepIsa::Avx2:
      return avx2::runCells(spec, first, count, out);
    case SweepIsa::Baseline:
      return baseline::runCells(spec, first, count, out);
  }
}

}  // namespace optirace
