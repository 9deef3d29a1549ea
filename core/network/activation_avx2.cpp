// The sigmoid four values at a time, for processors with AVX2 and FMA (called only where the
// processor has both, activation.cpp); the same bits as the two- and eight-at-a-time loops. Only
// the functions below are compiled for AVX2 (their target attribute, which GCC and clang both
// honour), so nothing of a header is: an instance of a header's inline function compiled for
// AVX2 could be the one the linker keeps for the whole program.
#include <immintrin.h>

#include "exp_table.h"

#define OPTIRACE_GROUP_TARGET gnu::target("avx2,fma")
#define OPTIRACE_GROUP_AVX2

namespace optirace {

namespace {
constexpr int kGroup = 4;

#include "sigmoid_loop.inc"
}  // namespace

[[gnu::target("avx2,fma")]] void sigmoidAvx2(double* z, int n) {
  sigmoidLoop(z, n);
}

}  // namespace optirace
