#pragma once

#include "../optimizer.h"

namespace optirace::optimizers {

// AdaGrad with a forgetting average of g² (v): PyTorch's alpha is our β₂.
struct Rmsprop : UpdateRuleBase {
  static constexpr std::string_view name = "rmsprop", title = "RMSProp";
  static constexpr HyperId uses[] = {HyperId::Lr, HyperId::Beta2, HyperId::Eps,
                                     HyperId::WeightDecay};
  static constexpr Hyper defaults{.lr = 1e-2, .beta1 = 0.0, .beta2 = 0.99, .eps = 1e-8};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText = "s ← β₂·s + (1 − β₂)·g²\nw ← w − η·g / (√s + ε)";

  template <class T>
  struct State {
    Vec2T<T> squareAverage;  // v
  };

  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>&, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    s.squareAverage =
        probe.mix("s", "β₂·s", h.beta2 * s.squareAverage, "(1 − β₂)·g²", (1.0 - h.beta2) * (g * g));
    probe.note("η/(√s + ε)", [&] { return scalarOver(h.lr, sqrt(s.squareAverage) + h.eps); });
    return probe.descend("η·g/(√s + ε)", w, h.lr * g / (sqrt(s.squareAverage) + h.eps));
  }
};

}  // namespace optirace::optimizers
