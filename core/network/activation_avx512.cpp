// The sigmoid eight values at a time, for processors with AVX-512 (called only where the
// processor has it, activation.cpp). SLEEF's deterministic exp without FMA gives the same bits
// as the four- and two-at-a-time loops. Only the functions below are compiled for AVX-512 (their
// target attribute, which GCC and clang both honour), so nothing of a header is (see
// activation_avx.cpp).
#include <immintrin.h>

// sleef.h declares its AVX-512 functions only where the compiler's flags enable AVX-512
// (__AVX512F__), which they do not for the whole build: this one, as libsleef exports it.
extern "C" [[gnu::target("avx512f")]] __m512d Sleef_cinz_expd8_u10avx512fnofma(__m512d);

#if defined(__GNUC__) && !defined(__clang__)
// GCC 12's own avx512fintrin.h trips its maybe-uninitialized warning (_mm512_undefined_pd).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#define OPTIRACE_GROUP_TARGET gnu::target("avx512f")

namespace optirace {

namespace {
constexpr int kGroup = 8;

// e^(−clip(x, −500, 500)). max/min return their second operand when one is NaN: a NaN stays
// NaN, as in np.clip; −x by a multiplication, exact as the other loops' sign flip.
[[gnu::target("avx512f"), gnu::always_inline]] inline __m512d negatedExp(__m512d x) {
  x = _mm512_min_pd(_mm512_set1_pd(500.0), _mm512_max_pd(_mm512_set1_pd(-500.0), x));
  return Sleef_cinz_expd8_u10avx512fnofma(_mm512_mul_pd(x, _mm512_set1_pd(-1.0)));
}

#include "sigmoid_loop.inc"
}  // namespace

[[gnu::target("avx512f")]] void sigmoidAvx512(double* z, int n) {
  sigmoidLoop(z, n);
}

}  // namespace optirace
