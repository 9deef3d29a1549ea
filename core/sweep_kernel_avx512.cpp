// The sweep kernel for AVX-512: 4 × 8 cells a block. With 2 × 8 (10 % slower on the reference
// sweep) its two dependency chains (gradient → moments → √ → ÷ → update) exposed the latency of
// the square root and the division; with four, 32 registers still hold the chains' state.
#include "sweep_kernel_parts.h"

#pragma GCC target("avx512f,avx512vl,avx512dq")

namespace optirace::sweep_parts {
namespace avx512 {
constexpr int kLanes = 8, kVectors = 4;
#define SWEEP_BLOCK_AVX 1
#define SWEEP_BLOCK_AVX512 1
#include "sweep_block.inc"
}  // namespace avx512

void runCellsAvx512(const SweepSpec& spec, int first, int count, SweepCell* out) {
  avx512::runCells(spec, first, count, out);
}
}  // namespace optirace::sweep_parts
