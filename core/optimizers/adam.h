#pragma once

#include "adam_core.h"

namespace optirace::optimizers {

// Adam (Kingma & Ba) as torch.optim.Adam 1.13; its arithmetic lives in adam_core.h, shared
// with AdamW and AMSGrad.
struct Adam : AdamClockBase {
  static constexpr std::string_view name = "adam", title = "Adam";
  static constexpr HyperId uses[] = {
      HyperId::Lr,          HyperId::Beta1,   HyperId::Beta2,         HyperId::Eps,
      HyperId::WeightDecay, HyperId::Amsgrad, HyperId::BiasCorrection};
  static constexpr Hyper defaults{.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText =
      "m ← β₁·m + (1 − β₁)·g\n"
      "v ← β₂·v + (1 − β₂)·g²   (AMSGrad: v_max ← max(v_max, v), used for v)\n"
      "m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)\n"
      "w ← w − η·m̂ / (√v̂ + ε)\n"
      "weight decay is coupled L2: g ← g + λ·w";

  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>& k, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    return adamStep(h, s, k, g, w, h.amsgrad, probe);
  }
};

}  // namespace optirace::optimizers
