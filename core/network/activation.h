// The networks' activation functions, as seed 003's NeuralNetwork computes them.
#pragma once

#include <algorithm>
#include <cmath>

#include "../number.h"
#include "dense_network.h"

namespace optirace {

// σ(z) = 1/(1 + e^(−clip(z, −500, 500))) over n values in place (the seed clips so that e^(−z)
// never overflows), e^(−z) within 1 ulp by clipped_exp.inc, four values sharing one division
// (sigmoid_loop.inc): each σ within 9·2⁻⁵³ of 1/(1 + e^(−z)). The loop of the widest
// instruction set the processor has; all give the same bits.
void sigmoidInPlace(double* z, int n);
void sigmoidSse2(double* z, int n);    // two values at a time, any x86-64
void sigmoidAvx2(double* z, int n);    // four at a time; only where it has AVX2 and FMA
void sigmoidAvx512(double* z, int n);  // eight at a time; only where it has AVX-512
// e^(−clip(z, −500, 500)) in place, the sigmoid's exp on its own (for tests).
void clippedNegatedExp(double* z, int n);

// σ, or ReLU max(0, z), applied in place to n values.
inline void activate(Activation kind, double* z, int n) {
  if (kind == Activation::Relu) {
    for (int i = 0; i < n; ++i) z[i] = z[i] < 0.0 ? 0.0 : z[i];  // NaN stays NaN, as np.maximum
    return;
  }
  sigmoidInPlace(z, n);
}

}  // namespace optirace
