// The sweep kernel for any x86-64: 4 × 4 cells a block (GCC lowers the 4-lane vectors to SSE2).
#include "sweep_kernel_parts.h"

namespace optirace::sweep_parts {
namespace baseline {
constexpr int kLanes = 4, kVectors = 4;
#define SWEEP_BLOCK_AVX 0
#define SWEEP_BLOCK_AVX512 0
#include "sweep_block.inc"
}  // namespace baseline

void runCellsBaseline(const SweepSpec& spec, int first, int count, SweepCell* out) {
  baseline::runCells(spec, first, count, out);
}
}  // namespace optirace::sweep_parts
