// The sweep kernel for AVX2: 8 × 4 cells a block (4 × 4 was slower on the reference sweep).
// GCC's target pragma does not define __AVX__ for the preprocessor, hence SWEEP_BLOCK_AVX.
#include "sweep_kernel_parts.h"

#pragma GCC target("avx2")

namespace optirace::sweep_parts {
namespace avx2 {
constexpr int kLanes = 4, kVectors = 8;
#define SWEEP_BLOCK_AVX 1
#define SWEEP_BLOCK_AVX512 0
#include "sweep_block.inc"
}  // namespace avx2

void runCellsAvx2(const SweepSpec& spec, int first, int count, SweepCell* out) {
  avx2::runCells(spec, first, count, out);
}
}  // namespace optirace::sweep_parts
