// Adam's moment update and step, shared by adam, amsgrad and adamw (which only adds decay).
#pragma once

#include <cfloat>
#include <cmath>

#include "../optimizer.h"

namespace optirace::optimizers {

inline constexpr double kPowerFlush = 0x1p-60;

// m in state.m, v in state.v, v_max in state.u. β₁ᵗ and β₂ᵗ are running products
// (state.beta1Power, beta2Power) rather than pow(): within a few ulps of torch's β ** t over 10⁷
// steps, and cheap enough for the vectorised sweep kernel, which repeats this arithmetic exactly
// (core/sweep_kernel.cpp). Once a product falls below 2⁻⁶⁰, 1 − βᵗ is exactly 1 in double, so it
// is set to 0: the results are unchanged, and the product never sinks into subnormal numbers,
// where 0.9 × a few ulps rounds back to itself and every further step pays the processor's slow
// subnormal path.
inline double nextPower(double power, double beta) {
  power *= beta;
  return power < kPowerFlush ? 0.0 : power;
}

// Adam's step η·m̂/(√v̂ + ε) for both coordinates with one division. With r = √bc₂ and
// dᵢ = √vᵢ + ε·r (= r·(√v̂ᵢ + ε)), the step is mᵢ·d₋ᵢ·q with q = η·r / (bc₁·d₁·d₂): the same
// value up to rounding (a few ulps, like torch's own order), but the sweep kernel, bound by the
// processor's divide/square-root unit, does one division per cell-step instead of five. Where
// d₁·d₂ is not a normal number (second moments beyond 1e300 or below 1e-300, e.g. ε = 0 at a
// vanishing gradient), the product would overflow or lose digits, so torch.optim.Adam 1.13's
// order is used instead: w − (η/bc₁)·m / (√v/r + ε).
struct AdamStepTerms {
  double biasCorrection1, rootBiasCorrection2;
};
inline bool isNormalProduct(double p) {
  return p >= DBL_MIN && p <= DBL_MAX;
}
inline Vec2 adamUpdate(const Hyper& h, AdamStepTerms k, Vec2 m, Vec2 secondMoment, Vec2 w) {
  Vec2 d = sqrt(secondMoment) + h.eps * k.rootBiasCorrection2;
  double product = k.biasCorrection1 * d.x * d.y;
  if (isNormalProduct(product)) {
    double q = (h.lr * k.rootBiasCorrection2) / product;
    return {w.x - (m.x * d.y) * q, w.y - (m.y * d.x) * q};
  }
  double stepSize = h.lr / k.biasCorrection1;
  Vec2 denom = sqrt(secondMoment) / k.rootBiasCorrection2 + h.eps;
  return w - stepSize * (m / denom);
}

inline Vec2 adamMomentStep(const Hyper& h, OptimizerState& s, Vec2 g, Vec2 w, bool amsgrad) {
  s.m = h.beta1 * s.m + (1.0 - h.beta1) * g;
  s.v = h.beta2 * s.v + (1.0 - h.beta2) * (g * g);
  s.beta1Power = nextPower(s.beta1Power, h.beta1);
  s.beta2Power = nextPower(s.beta2Power, h.beta2);
  AdamStepTerms terms{1.0 - s.beta1Power, std::sqrt(1.0 - s.beta2Power)};
  Vec2 secondMoment = s.v;
  if (amsgrad) {
    s.u = max(s.u, s.v);
    secondMoment = s.u;
  }
  return adamUpdate(h, terms, s.m, secondMoment, w);
}

}  // namespace optirace::optimizers
