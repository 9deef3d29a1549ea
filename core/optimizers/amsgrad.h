#pragma once

#include "adam_core.h"

namespace optirace::optimizers {

// AMSGrad (Reddi, Kale & Kumar 2018) by name: Adam whose second moment is the running maximum,
// so the effective step can only shrink. The same as `adam` with the amsgrad flag set.
struct Amsgrad : AdamClockBase {
  static constexpr std::string_view name = "amsgrad", title = "AMSGrad";
  static constexpr HyperId uses[] = {HyperId::Lr,  HyperId::Beta1,       HyperId::Beta2,
                                     HyperId::Eps, HyperId::WeightDecay, HyperId::BiasCorrection};
  static constexpr Hyper defaults{.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText =
      "m ← β₁·m + (1 − β₁)·g\n"
      "v ← β₂·v + (1 − β₂)·g²,  v_max ← max(v_max, v)\n"
      "m̂ = m / (1 − β₁ᵗ),  v̂ = v_max / (1 − β₂ᵗ)\n"
      "w ← w − η·m̂ / (√v̂ + ε)";

  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>& k, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    return adamStep(h, s, k, g, w, /*amsgrad=*/true, probe);
  }
};

}  // namespace optirace::optimizers
