// Adam's moment update and step, shared by adam, amsgrad and adamw (which only adds decay).
#pragma once

#include <cmath>

#include "../optimizer.h"

namespace optirace::optimizers {

inline constexpr double kPowerFlush = 0x1p-60;

// m in state.m, v in state.v, v_max in state.u. The arithmetic follows torch.optim.Adam 1.13:
// w ← w − (η/bc₁)·m / (√v/√bc₂ + ε), the same as η·m̂/(√v̂ + ε) up to rounding. β₁ᵗ and β₂ᵗ are
// running products (state.beta1Power, beta2Power) rather than pow(): within a few ulps of
// torch's β ** t over 10⁷ steps, and cheap enough for the vectorised sweep kernel, which
// repeats this arithmetic exactly (core/sweep_kernel.cpp). Once a product falls below 2⁻⁶⁰,
// 1 − βᵗ is exactly 1 in double, so it is set to 0: the results are unchanged, and the product
// never sinks into subnormal numbers, where 0.9 × a few ulps rounds back to itself and every
// further step pays the processor's slow subnormal path.
inline double nextPower(double power, double beta) {
  power *= beta;
  return power < kPowerFlush ? 0.0 : power;
}
inline Vec2 adamMomentStep(const Hyper& h, OptimizerState& s, Vec2 g, Vec2 w, bool amsgrad) {
  s.m = h.beta1 * s.m + (1.0 - h.beta1) * g;
  s.v = h.beta2 * s.v + (1.0 - h.beta2) * (g * g);
  s.beta1Power = nextPower(s.beta1Power, h.beta1);
  s.beta2Power = nextPower(s.beta2Power, h.beta2);
  double biasCorrection1 = 1.0 - s.beta1Power;
  double biasCorrection2Sqrt = std::sqrt(1.0 - s.beta2Power);
  double stepSize = h.lr / biasCorrection1;
  Vec2 secondMoment = s.v;
  if (amsgrad) {
    s.u = max(s.u, s.v);
    secondMoment = s.u;
  }
  Vec2 denom = sqrt(secondMoment) / biasCorrection2Sqrt + h.eps;
  return w - stepSize * (s.m / denom);
}

}  // namespace optirace::optimizers
