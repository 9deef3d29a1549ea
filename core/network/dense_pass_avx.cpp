// The network's sample loops for processors with AVX: four samples to a register. Every header
// is included before the target pragma (see dense_pass.inc).
#include <algorithm>
#include <vector>

#include "activation.h"
#include "dense_pass.h"

#pragma GCC target("avx")

namespace optirace {
namespace dense_pass_avx {
constexpr int kGroup = 4;
#include "dense_pass.inc"
}  // namespace dense_pass_avx

const DensePassLoops& densePassLoopsAvx() {
  return dense_pass_avx::kLoops;
}

}  // namespace optirace
