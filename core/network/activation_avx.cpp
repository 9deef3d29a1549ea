// The sigmoid four values at a time, for processors with AVX (compiled with -mavx; called only
// where the processor has it, activation.cpp). SLEEF's deterministic exp gives the same bits
// as the two-at-a-time loop. This file includes no header with inline functions of ours or the
// standard library's: an instance compiled here for AVX could be the one the linker keeps for
// the whole program.
#include <immintrin.h>
#include <sleef.h>

#define OPTIRACE_GROUP_TARGET gnu::target("avx")

namespace optirace {

namespace {
constexpr int kGroup = 4;

// e^(−clip(x, −500, 500)). max/min return their second operand when one is NaN: a NaN stays
// NaN, as in np.clip.
[[gnu::always_inline]] inline __m256d negatedExp(__m256d x) {
  x = _mm256_min_pd(_mm256_set1_pd(500.0), _mm256_max_pd(_mm256_set1_pd(-500.0), x));
  return Sleef_cinz_expd4_u10avx(_mm256_xor_pd(x, _mm256_set1_pd(-0.0)));
}

#include "sigmoid_loop.inc"
}  // namespace

void sigmoidAvx(double* z, int n) {
  sigmoidLoop(z, n);
}

}  // namespace optirace
