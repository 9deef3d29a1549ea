#include "activation.h"

#include <immintrin.h>

#include "exp_table.h"

#define OPTIRACE_GROUP_TARGET gnu::target("sse2")

namespace optirace {
namespace {
constexpr int kGroup = 2;

#include "sigmoid_loop.inc"

using SigmoidLoop = void (*)(double*, int);

SigmoidLoop fastestSigmoid() {
  if (__builtin_cpu_supports("avx512f")) return sigmoidAvx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return sigmoidAvx2;
  return sigmoidSse2;
}

}  // namespace

void sigmoidSse2(double* z, int n) {
  sigmoidLoop(z, n);
}

void clippedNegatedExp(double* z, int n) {
  for (int i = 0; i < n; i += kGroup) {
    Group g = {z[i], i + 1 < n ? z[i + 1] : 0.0};
    g = negatedExp(g);
    z[i] = g[0];
    if (i + 1 < n) z[i + 1] = g[1];
  }
}

void sigmoidInPlace(double* z, int n) {
  static const SigmoidLoop loop = fastestSigmoid();
  loop(z, n);
}

}  // namespace optirace
