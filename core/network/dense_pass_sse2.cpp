// The network's sample loops for any x86-64: two samples to an SSE2 register, each fused
// multiply-add the C library's (group.inc). Every header is included before dense_pass.inc.
#include <algorithm>
#include <vector>

#include "activation.h"
#include "dense_pass.h"

namespace optirace {
namespace dense_pass_sse2 {
constexpr int kGroup = 2;
#define OPTIRACE_GROUP_TARGET gnu::target("sse2")
#include "dense_pass.inc"
}  // namespace dense_pass_sse2

const DensePassLoops& densePassLoopsSse2() {
  return dense_pass_sse2::kLoops;
}

const DensePassLoops& fastestDensePassLoops() {
  static const DensePassLoops& loops =
      __builtin_cpu_supports("avx512f")                                 ? densePassLoopsAvx512()
      : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? densePassLoopsAvx2()
                                                                        : densePassLoopsSse2();
  return loops;
}

}  // namespace optirace
