// The network's sample loops for any x86-64: two samples to an SSE2 register.
#include <algorithm>
#include <vector>

#include "activation.h"
#include "dense_pass.h"

namespace optirace {
namespace dense_pass_sse2 {
constexpr int kGroup = 2;
#include "dense_pass.inc"
}  // namespace dense_pass_sse2

const DensePassLoops& densePassLoopsSse2() {
  return dense_pass_sse2::kLoops;
}

const DensePassLoops& fastestDensePassLoops() {
  // AVX-512's eight-wide loops were measured no faster than AVX's four-wide ones here (the
  // four partial sums of sumOfProducts keep their order): the sigmoid alone takes AVX-512.
  static const DensePassLoops& loops =
      __builtin_cpu_supports("avx") ? densePassLoopsAvx() : densePassLoopsSse2();
  return loops;
}

}  // namespace optirace
