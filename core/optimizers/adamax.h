#pragma once

#include <cmath>

#include "../optimizer.h"

namespace optirace::optimizers {

// Adam with the infinity norm (v holds u, the decayed running max of |g|), as
// torch.optim.Adamax 1.13, whose ε sits inside the max.
struct Adamax : UpdateRuleBase {
  static constexpr std::string_view name = "adamax", title = "Adamax";
  static constexpr HyperId uses[] = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2, HyperId::Eps,
                                     HyperId::WeightDecay};
  static constexpr Hyper defaults{.lr = 2e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText =
      "m ← β₁·m + (1 − β₁)·g\n"
      "u ← max(β₂·u, |g| + ε)\n"
      "w ← w − η/(1 − β₁ᵗ)·m/u";

  template <class T>
  struct Terms {
    T biasCorrection1;
  };
  static Terms<double> terms(ClockInputs c, Clock&, long t) {
    return {1.0 - std::pow(c.beta1, static_cast<double>(t))};
  }
  template <class T>
  struct State {
    Vec2T<T> m;
    Vec2T<T> infinityNorm;  // u
  };

  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>& k, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    s.m = probe.mix("m", "β₁·m", h.beta1 * s.m, "(1 − β₁)·g", (1.0 - h.beta1) * g);
    s.infinityNorm = max(h.beta2 * s.infinityNorm, abs(g) + h.eps);
    probe.note("u", s.infinityNorm);
    T clr = h.lr / k.biasCorrection1;
    probe.note("η/(1 − β₁ᵗ)", clr);
    return probe.descend("η/(1 − β₁ᵗ)·m/u", w, clr * (s.m / s.infinityNorm), "m");
  }
};

}  // namespace optirace::optimizers
