// The network's sample loops for processors with AVX2 and FMA: four samples to a register.
// Every header is included before dense_pass.inc (see there).
#include <immintrin.h>

#include <algorithm>
#include <vector>

#include "activation.h"
#include "dense_pass.h"

namespace optirace {
namespace dense_pass_avx2 {
constexpr int kGroup = 4;
#define OPTIRACE_GROUP_TARGET gnu::target("avx2,fma")
#define OPTIRACE_GROUP_AVX2
#include "dense_pass.inc"
}  // namespace dense_pass_avx2

const DensePassLoops& densePassLoopsAvx2() {
  return dense_pass_avx2::kLoops;
}

}  // namespace optirace
