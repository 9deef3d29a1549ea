#pragma once

#include "../optimizer.h"

namespace optirace::optimizers {

// Heavy ball in PyTorch's form: the buffer starts as the first gradient (m).
struct Momentum : UpdateRuleBase {
  static constexpr std::string_view name = "momentum", title = "Momentum";
  static constexpr HyperId uses[] = {HyperId::Lr, HyperId::Beta1, HyperId::WeightDecay,
                                     HyperId::Dampening};
  static constexpr Hyper defaults{.lr = 1e-2, .beta1 = 0.9, .beta2 = 0.0, .eps = 0.0};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText =
      "b ← g (first step), else b ← β₁·b + (1 − d)·g\nw ← w − η·b";

  template <class T>
  struct State {
    Vec2T<T> buffer;  // b
  };

  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>&, long t, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    if (t == 1) {
      s.buffer = g;
      probe.note("b", g);
    } else {
      s.buffer = probe.mix("b", "β₁·b", h.beta1 * s.buffer, "(1 − d)·g", (1.0 - h.dampening) * g);
    }
    return probe.descend("η·b", w, h.lr * s.buffer, "b");
  }
};

}  // namespace optirace::optimizers
