// The sigmoid four values at a time, for processors with AVX (compiled with -mavx; called only
// where the processor has it, activation.cpp). SLEEF's deterministic exp gives the same bits
// as the two-at-a-time loop and the scalar expOf. This file includes no header with inline
// functions of ours or the standard library's: an instance compiled here for AVX could be the
// one the linker keeps for the whole program.
#include <immintrin.h>
#include <sleef.h>

namespace optirace {

void sigmoidAvx(double* z, int n) {
  // max/min return their second operand when one is NaN: a NaN stays NaN, as in np.clip.
  auto exponential4 = [](__m256d x) {
    x = _mm256_min_pd(_mm256_set1_pd(500.0), _mm256_max_pd(_mm256_set1_pd(-500.0), x));
    return Sleef_cinz_expd4_u10avx(_mm256_xor_pd(x, _mm256_set1_pd(-0.0)));
  };
  // e^(−z) in place first, then 1/(1 + e^(−z)) in a loop of its own, where the divisions follow
  // each other without waiting for exp's calls.
  int i = 0;
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(z + i, exponential4(_mm256_loadu_pd(z + i)));
  if (i < n) {  // the last one to three values, through a padded group of four
    alignas(32) double tail[4] = {0.0, 0.0, 0.0, 0.0};
    for (int k = 0; i + k < n; ++k) tail[k] = z[i + k];
    _mm256_store_pd(tail, exponential4(_mm256_load_pd(tail)));
    for (int k = 0; i + k < n; ++k) z[i + k] = tail[k];
  }
  for (i = 0; i + 4 <= n; i += 4) {
    __m256d e = _mm256_loadu_pd(z + i);
    _mm256_storeu_pd(z + i,
                     _mm256_div_pd(_mm256_set1_pd(1.0), _mm256_add_pd(_mm256_set1_pd(1.0), e)));
  }
  for (; i < n; ++i) z[i] = 1.0 / (1.0 + z[i]);
}

}  // namespace optirace
