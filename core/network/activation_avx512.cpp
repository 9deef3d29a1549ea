// The sigmoid eight values at a time, for processors with AVX-512 (called only where the
// processor has it, activation.cpp). SLEEF's deterministic exp without FMA gives the same bits
// as the four- and two-at-a-time loops and the scalar expOf. The target pragma follows every
// include: nothing of a header is compiled here for AVX-512 (see activation_avx.cpp).
#include <immintrin.h>
#include <sleef.h>

#pragma GCC target("avx512f")
// GCC 12's own avx512fintrin.h trips its maybe-uninitialized warning (_mm512_undefined_pd).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

// sleef.h declares its AVX-512 functions only where the compiler's flags enable AVX-512
// (__AVX512F__), which they do not for the whole build: this one, as libsleef exports it.
extern "C" __m512d Sleef_cinz_expd8_u10avx512fnofma(__m512d);

namespace optirace {

void sigmoidAvx512(double* z, int n) {
  // max/min return their second operand when one is NaN: a NaN stays NaN, as in np.clip.
  auto exponential8 = [](__m512d x) {
    x = _mm512_min_pd(_mm512_set1_pd(500.0), _mm512_max_pd(_mm512_set1_pd(-500.0), x));
    // −x by a multiplication, exact as the other loops' sign flip (GCC 12 warns falsely on
    // the integer casts an XOR takes here).
    return Sleef_cinz_expd8_u10avx512fnofma(_mm512_mul_pd(x, _mm512_set1_pd(-1.0)));
  };
  // e^(−z) in place first, then 1/(1 + e^(−z)) in a loop of its own (activation_avx.cpp).
  int i = 0;
  for (; i + 8 <= n; i += 8) _mm512_storeu_pd(z + i, exponential8(_mm512_loadu_pd(z + i)));
  if (i < n) {  // the last one to seven values, through a padded group of eight
    alignas(64) double tail[8] = {};
    for (int k = 0; i + k < n; ++k) tail[k] = z[i + k];
    _mm512_store_pd(tail, exponential8(_mm512_load_pd(tail)));
    for (int k = 0; i + k < n; ++k) z[i + k] = tail[k];
  }
  for (i = 0; i + 8 <= n; i += 8) {
    __m512d e = _mm512_loadu_pd(z + i);
    _mm512_storeu_pd(z + i,
                     _mm512_div_pd(_mm512_set1_pd(1.0), _mm512_add_pd(_mm512_set1_pd(1.0), e)));
  }
  for (; i < n; ++i) z[i] = 1.0 / (1.0 + z[i]);
}

}  // namespace optirace
