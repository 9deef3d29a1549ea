#include "activation.h"

#include <emmintrin.h>
#include <sleef.h>

#define OPTIRACE_GROUP_TARGET gnu::target("sse2")

namespace optirace {
namespace {
constexpr int kGroup = 2;

// e^(−clip(x, −500, 500)), two values at a time (any x86-64). max/min return their second
// operand when one is NaN: a NaN stays NaN, as in np.clip.
[[gnu::always_inline]] inline __m128d negatedExp(__m128d x) {
  x = _mm_min_pd(_mm_set1_pd(500.0), _mm_max_pd(_mm_set1_pd(-500.0), x));
  return Sleef_cinz_expd2_u10sse2(_mm_xor_pd(x, _mm_set1_pd(-0.0)));
}

#include "sigmoid_loop.inc"

using SigmoidLoop = void (*)(double*, int);

SigmoidLoop fastestSigmoid() {
  if (__builtin_cpu_supports("avx512f")) return sigmoidAvx512;
  if (__builtin_cpu_supports("avx")) return sigmoidAvx;
  return sigmoidSse2;
}

}  // namespace

void sigmoidSse2(double* z, int n) {
  sigmoidLoop(z, n);
}

void sigmoidInPlace(double* z, int n) {
  static const SigmoidLoop loop = fastestSigmoid();
  loop(z, n);
}

}  // namespace optirace
