#pragma once

#include "../optimizer.h"

namespace optirace::optimizers {

// Squared gradients accumulate forever (v), so the effective step only shrinks.
struct Adagrad : UpdateRuleBase {
  static constexpr std::string_view name = "adagrad", title = "AdaGrad";
  static constexpr HyperId uses[] = {HyperId::Lr, HyperId::Eps, HyperId::WeightDecay};
  static constexpr Hyper defaults{.lr = 1e-2, .beta1 = 0.0, .beta2 = 0.0, .eps = 1e-10};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText = "G ← G + g²\nw ← w − η·g / (√G + ε)";

  template <class T>
  struct State {
    Vec2T<T> sumOfSquares;  // G
  };

  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>&, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    s.sumOfSquares = probe.mix("G", "G", s.sumOfSquares, "g²", g * g);
    probe.note("η/(√G + ε)", [&] { return scalarOver(h.lr, sqrt(s.sumOfSquares) + h.eps); });
    return probe.descend("η·g/(√G + ε)", w, h.lr * g / (sqrt(s.sumOfSquares) + h.eps));
  }
};

}  // namespace optirace::optimizers
