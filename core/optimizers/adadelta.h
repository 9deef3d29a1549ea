#pragma once

#include "../optimizer.h"
#include "one_division.h"

namespace optirace::optimizers {

// Adadelta as torch.optim.Adadelta 1.13: ρ is our β₂ and ε sits inside both square roots.
// v holds the average of g², a the average of Δ².
struct Adadelta : UpdateRuleBase {
  static constexpr std::string_view name = "adadelta", title = "Adadelta";
  static constexpr HyperId uses[] = {HyperId::Lr, HyperId::Beta2, HyperId::Eps,
                                     HyperId::WeightDecay};
  static constexpr Hyper defaults{.lr = 1.0, .beta1 = 0.0, .beta2 = 0.9, .eps = 1e-6};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText =
      "s ← ρ·s + (1 − ρ)·g²          (ρ = β₂)\n"
      "Δ = √(a + ε) / √(s + ε) · g\n"
      "a ← ρ·a + (1 − ρ)·Δ²\n"
      "w ← w − η·Δ";

  template <class T>
  struct State {
    Vec2T<T> squareAverage;        // s
    Vec2T<T> updateSquareAverage;  // a
  };

  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>&, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    s.squareAverage =
        probe.mix("s", "ρ·s", h.beta2 * s.squareAverage, "(1 − ρ)·g²", (1.0 - h.beta2) * (g * g));
    // Δᵢ = √(aᵢ + ε)·gᵢ/√(sᵢ + ε), both coordinates from one division (one_division.h); where
    // that cannot keep its digits, torch 1.13's order.
    Vec2T<T> root = sqrt(s.updateSquareAverage + h.eps);
    OneDivision<T> shared(T(1.0), sqrt(s.squareAverage + h.eps));
    Vec2T<T> delta = ifElse(
        shared.usable(), [&] { return shared.times(root * g, shared.factor(T(1.0))); },
        [&] { return root / shared.d * g; });  // shared.d: √(s + ε)
    probe.note("Δ", delta);
    s.updateSquareAverage = probe.mix("a", "ρ·a", h.beta2 * s.updateSquareAverage, "(1 − ρ)·Δ²",
                                      (1.0 - h.beta2) * (delta * delta));
    return probe.descend("η·Δ", w, h.lr * delta);
  }
};

}  // namespace optirace::optimizers
