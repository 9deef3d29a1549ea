#pragma once

#include "../optimizer.h"

namespace optirace::optimizers {

// Look-ahead form (seed 003, §27.2): the gradient is taken where momentum alone would carry w.
// PyTorch's nesterov=True tracks the look-ahead point u = w − ηβ₁v instead of w; the two
// trajectories are the same sequence seen at different points.
struct Nesterov : UpdateRuleBase {
  static constexpr std::string_view name = "nesterov", title = "Nesterov";
  static constexpr HyperId uses[] = {HyperId::Lr, HyperId::Beta1, HyperId::WeightDecay};
  static constexpr Hyper defaults{.lr = 1e-2, .beta1 = 0.9, .beta2 = 0.0, .eps = 0.0};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText = "v ← β₁·v + g(w − η·β₁·v)\nw ← w − η·v";

  template <class T>
  struct State {
    Vec2T<T> velocity;  // v
  };

  static constexpr bool kGradientAtW = false;
  template <class T>
  static Vec2T<T> gradientPoint(const HyperOf<T>& h, const State<T>& s, Vec2T<T> w) {
    return w - h.lr * h.beta1 * s.velocity;
  }
  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>&, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    s.velocity = probe.mix("v", "β₁·v", h.beta1 * s.velocity, "g", g);
    return probe.descend("η·v", w, h.lr * s.velocity, "v");
  }
};

}  // namespace optirace::optimizers
