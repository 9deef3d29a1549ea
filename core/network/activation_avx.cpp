// The sigmoid four values at a time, for processors with AVX (compiled with -mavx; called only
// where the processor has it, activation.cpp); the same bits as the two-at-a-time loop. This
// file includes no header with inline functions of ours or the standard library's: an instance
// compiled here for AVX could be the one the linker keeps for the whole program.
#include "exp_table.h"

#define OPTIRACE_GROUP_TARGET gnu::target("avx")

namespace optirace {

namespace {
constexpr int kGroup = 4;

#include "sigmoid_loop.inc"
}  // namespace

void sigmoidAvx(double* z, int n) {
  sigmoidLoop(z, n);
}

}  // namespace optirace
