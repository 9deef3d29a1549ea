#pragma once

#include "../optimizer.h"

namespace optirace::optimizers {

// Lion (Chen et al. 2023): the step is the sign of an interpolation, so every coordinate
// moves by exactly η (plus decoupled decay); the momentum (m) uses β₂.
struct Lion : UpdateRuleBase {
  static constexpr std::string_view name = "lion", title = "Lion";
  static constexpr HyperId uses[] = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2,
                                     HyperId::WeightDecay};
  // The paper's defaults (no torch 1.13 Lion): η = 1e-4, β = (0.9, 0.99).
  static constexpr Hyper defaults{.lr = 1e-4, .beta1 = 0.9, .beta2 = 0.99, .eps = 0.0};
  static constexpr DecayKind decay = DecayKind::Decoupled;
  static constexpr std::string_view ruleText =
      "c = β₁·m + (1 − β₁)·g\n"
      "w ← w − η·(sign(c) + λ·w)\n"
      "m ← β₂·m + (1 − β₂)·g";

  template <class T>
  struct State {
    Vec2T<T> momentum;  // m
  };

  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>&, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    Vec2T<T> c = probe.mix("c", "β₁·m", h.beta1 * s.momentum, "(1 − β₁)·g", (1.0 - h.beta1) * g);
    Vec2T<T> next = probe.descend("η·(sign(c) + λ·w)", w, h.lr * (sign(c) + h.weightDecay * w));
    s.momentum = probe.mix("m", "β₂·m", h.beta2 * s.momentum, "(1 − β₂)·g", (1.0 - h.beta2) * g);
    return next;
  }
};

}  // namespace optirace::optimizers
