#pragma once

#include "adam_core.h"

namespace optirace::optimizers {

// Decoupled decay (Loshchilov & Hutter): shrink w first, then Adam with the gradient taken
// at the point before the shrink, as torch.optim.AdamW does.
struct AdamW : AdamClockBase {
  static constexpr std::string_view name = "adamw", title = "AdamW";
  static constexpr HyperId uses[] = {
      HyperId::Lr,          HyperId::Beta1,   HyperId::Beta2,         HyperId::Eps,
      HyperId::WeightDecay, HyperId::Amsgrad, HyperId::BiasCorrection};
  static constexpr Hyper defaults{
      .lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8, .weightDecay = 1e-2};
  static constexpr DecayKind decay = DecayKind::Decoupled;
  static constexpr std::string_view ruleText =
      "w ← (1 − η·λ)·w            (decoupled decay, g taken before it)\n"
      "m ← β₁·m + (1 − β₁)·g\n"
      "v ← β₂·v + (1 − β₂)·g²   (AMSGrad: v_max ← max(v_max, v), used for v)\n"
      "m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)\n"
      "w ← w − η·m̂ / (√v̂ + ε)";

  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>& k, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    Vec2T<T> decayed = probe.shrink("1 − η·λ", w, 1.0 - h.lr * h.weightDecay);
    return adamStep(h, s, k, g, decayed, h.amsgrad, probe);
  }
};

}  // namespace optirace::optimizers
