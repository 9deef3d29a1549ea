// What the sweep kernel's three compiled variants (core/sweep_kernel_*.cpp, each including
// core/sweep_block.inc for its instruction set) share, and their entry points. Internal to
// core/sweep_kernel*.cpp. The variant files include every header before their `#pragma GCC
// target`, so the inline functions of those headers stay plain x86-64 code: only the
// functions defined after the pragma, in the variant's own namespace, use the wider
// instructions, and the linker can never hand a plain-x86-64 caller an AVX-512 copy.
#pragma once

#include <immintrin.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>

#include "noise.h"
#include "optimizer_run.h"
#include "optimizers/adam_core.h"
#include "sweep.h"

namespace optirace::sweep_parts {

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

struct SurfaceConstants {
  double a, b;    // quadratic: curvatures; rosenbrock: a and b
  double cs, sn;  // quadratic: cos θ, sin θ (as core/surfaces/quadratic.cpp computes them)
  double fStar;
};

Rule ruleFor(const SweepSpec& spec);
SurfaceConstants constantsFor(const Surface& surface);

// One per compiled variant: runs cells [first, first + count) into out.
void runCellsBaseline(const SweepSpec& spec, int first, int count, SweepCell* out);
void runCellsAvx2(const SweepSpec& spec, int first, int count, SweepCell* out);
void runCellsAvx512(const SweepSpec& spec, int first, int count, SweepCell* out);

}  // namespace optirace::sweep_parts
