// Adam's moments and step, shared by adam, adamw (which only adds decay) and amsgrad.
#pragma once

#include <cmath>

#include "../optimizer.h"
#include "one_division.h"

namespace optirace::optimizers {

inline constexpr double kPowerFlush = 0x1p-60;

// β₁ᵗ and β₂ᵗ are running products rather than pow(): within a few ulps of torch's β ** t over
// 10⁷ steps, and cheap. Once a product falls below 2⁻⁶⁰, 1 − βᵗ is exactly 1 in double, so it
// is set to 0: the results are unchanged, and the product never sinks into subnormal numbers,
// where 0.9 × a few ulps rounds back to itself and every further step pays the processor's
// slow subnormal path.
inline double nextPower(double power, double beta) {
  power *= beta;
  return power < kPowerFlush ? 0.0 : power;
}

template <class T>
struct AdamTerms {
  T biasCorrection1;      // 1 − β₁ᵗ
  T rootBiasCorrection2;  // √(1 − β₂ᵗ)
};

template <class T>
struct AdamState {
  Vec2T<T> m, v;
  Vec2T<T> vMax;  // AMSGrad's running maximum of v
};

// The textbook step is w − η·m̂/(√v̂ + ε) with m̂ = m/bc₁, v̂ = v/bc₂. With r = √bc₂ and
// dᵢ = √vᵢ + ε·r (= r·(√v̂ᵢ + ε)) it is w − (η·r)·mᵢ/(bc₁·dᵢ), computed with one division for
// both coordinates (one_division.h says why); where that cannot keep its digits, torch.optim.Adam
// 1.13's order: w − (η/bc₁)·m / (√v/r + ε).
template <class T, class Probe>
Vec2T<T> adamUpdate(const HyperOf<T>& h, const AdamTerms<T>& k, Vec2T<T> m, Vec2T<T> secondMoment,
                    Vec2T<T> w, Probe& probe) {
  OneDivision<T> shared(k.biasCorrection1, sqrt(secondMoment) + h.eps * k.rootBiasCorrection2);
  auto oneDivision = [&] { return shared.times(m, shared.factor(h.lr * k.rootBiasCorrection2)); };
  auto torchOrder = [&] {
    T stepSize = h.lr / k.biasCorrection1;
    Vec2T<T> denom = sqrt(secondMoment) / k.rootBiasCorrection2 + h.eps;
    return stepSize * (m / denom);
  };
  return probe.descend("η·m̂/(√v̂ + ε)", w, ifElse(shared.usable(), oneDivision, torchOrder), "m");
}

template <class T, class Probe>
Vec2T<T> adamStep(const HyperOf<T>& h, AdamState<T>& s, const AdamTerms<T>& k, Vec2T<T> g,
                  Vec2T<T> w, bool amsgrad, Probe& probe) {
  s.m = probe.mix("m", "β₁·m", h.beta1 * s.m, "(1 − β₁)·g", (1.0 - h.beta1) * g);
  s.v = probe.mix("v", "β₂·v", h.beta2 * s.v, "(1 − β₂)·g²", (1.0 - h.beta2) * (g * g));
  Vec2T<T> secondMoment = s.v;
  if (amsgrad) {
    s.vMax = max(s.vMax, s.v);
    probe.note("v_max", s.vMax);
    secondMoment = s.vMax;
  }
  // What the textbook form divides by, for the inspector only: the step above does not use them.
  probe.note("m̂", [&] { return s.m / k.biasCorrection1; });
  auto vHat = [&] { return secondMoment / (k.rootBiasCorrection2 * k.rootBiasCorrection2); };
  probe.note(amsgrad ? "v̂ (of v_max)" : "v̂", vHat);
  probe.note("η/(√v̂ + ε)", [&] { return scalarOver(h.lr, sqrt(vHat()) + h.eps); });
  return adamUpdate(h, k, s.m, secondMoment, w, probe);
}

// The clock, terms and state of the Adam family.
struct AdamClockBase : UpdateRuleBase {
  struct Clock {
    double beta1Power = 1.0, beta2Power = 1.0;  // β₁ᵗ, β₂ᵗ
  };
  template <class T>
  using Terms = AdamTerms<T>;
  template <class T>
  using State = AdamState<T>;
  // Without bias correction m̂ = m and v̂ = v: both corrections are 1, as they become anyway once
  // βᵗ has flushed to 0.
  static Terms<double> terms(ClockInputs c, Clock& k, long) {
    k.beta1Power = nextPower(k.beta1Power, c.beta1);
    k.beta2Power = nextPower(k.beta2Power, c.beta2);
    if (!c.biasCorrection) return {1.0, 1.0};
    return {1.0 - k.beta1Power, std::sqrt(1.0 - k.beta2Power)};
  }
};

}  // namespace optirace::optimizers
