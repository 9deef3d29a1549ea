// The network's sample loops for processors with AVX-512: eight samples to a register, one
// register for each sum's eight partial sums. Every header is included before dense_pass.inc
// (see there).
#include <immintrin.h>

#include <algorithm>
#include <vector>

#include "activation.h"
#include "dense_pass.h"

#if defined(__GNUC__) && !defined(__clang__)
// GCC 12's own avx512fintrin.h trips its maybe-uninitialized warning (_mm512_undefined_pd).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace optirace {
namespace dense_pass_avx512 {
constexpr int kGroup = 8;
#define OPTIRACE_GROUP_TARGET gnu::target("avx512f")
#define OPTIRACE_GROUP_AVX512
#include "dense_pass.inc"
}  // namespace dense_pass_avx512

const DensePassLoops& densePassLoopsAvx512() {
  return dense_pass_avx512::kLoops;
}

}  // namespace optirace
