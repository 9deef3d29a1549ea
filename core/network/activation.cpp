#include "activation.h"

#include <emmintrin.h>
#include <sleef.h>

#include <algorithm>

namespace optirace {
namespace {

// Two values at a time (any x86-64). max/min return their second operand when one is NaN: a
// NaN stays NaN, as in np.clip.
void sigmoidSse2(double* z, int n) {
  int i = 0;
  for (; i + 2 <= n; i += 2) {
    __m128d x = _mm_loadu_pd(z + i);
    x = _mm_min_pd(_mm_set1_pd(500.0), _mm_max_pd(_mm_set1_pd(-500.0), x));
    __m128d e = Sleef_cinz_expd2_u10sse2(_mm_xor_pd(x, _mm_set1_pd(-0.0)));
    _mm_storeu_pd(z + i, _mm_div_pd(_mm_set1_pd(1.0), _mm_add_pd(_mm_set1_pd(1.0), e)));
  }
  for (; i < n; ++i) z[i] = 1.0 / (1.0 + expOf(-std::clamp(z[i], -500.0, 500.0)));
}

using SigmoidLoop = void (*)(double*, int);

SigmoidLoop fastestSigmoid() {
  if (__builtin_cpu_supports("avx512f")) return sigmoidAvx512;
  if (__builtin_cpu_supports("avx")) return sigmoidAvx;
  return sigmoidSse2;
}

}  // namespace

void sigmoidInPlace(double* z, int n) {
  static const SigmoidLoop loop = fastestSigmoid();
  loop(z, n);
}

}  // namespace optirace
