// The sigmoid eight values at a time, for processors with AVX-512 (called only where the
// processor has it, activation.cpp); the same bits as the four- and two-at-a-time loops. Only
// the functions below are compiled for AVX-512 (their target attribute, which GCC and clang both
// honour), so nothing of a header is (see activation_avx2.cpp).
#include <immintrin.h>

#include "exp_table.h"

#if defined(__GNUC__) && !defined(__clang__)
// GCC 12's own avx512fintrin.h trips its maybe-uninitialized warning (_mm512_undefined_pd).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#define OPTIRACE_GROUP_TARGET gnu::target("avx512f")
#define OPTIRACE_GROUP_AVX512

namespace optirace {

namespace {
constexpr int kGroup = 8;

#include "sigmoid_loop.inc"
}  // namespace

[[gnu::target("avx512f")]] void sigmoidAvx512(double* z, int n) {
  sigmoidLoop(z, n);
}

}  // namespace optirace
