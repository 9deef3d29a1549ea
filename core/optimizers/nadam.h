#pragma once

#include <cmath>

#include "../optimizer.h"
#include "one_division.h"

namespace optirace::optimizers {

// NAdam exactly as torch.optim.NAdam 1.13 (momentum_decay ψ = 0.004). Note: torch 1.13 computes the
// next μ-product as Π·μₜ·μₜ₊₁ after Π already holds μₜ (μₜ enters twice); torch 2.0 dropped the
// extra μₜ (pytorch PR 92699). ENGINE.md asks for 1.13, so we keep its arithmetic.
struct Nadam : UpdateRuleBase {
  static constexpr std::string_view name = "nadam", title = "NAdam";
  static constexpr HyperId uses[] = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2, HyperId::Eps,
                                     HyperId::WeightDecay};
  static constexpr Hyper defaults{.lr = 2e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText =
      "μₜ = β₁·(1 − ½·0.96^(0.004·t)),  Π ← Π·μₜ\n"
      "m ← β₁·m + (1 − β₁)·g,  v ← β₂·v + (1 − β₂)·g²\n"
      "d = √(v / (1 − β₂ᵗ)) + ε\n"
      "w ← w − η(1 − μₜ)/(1 − Π)·g/d − η·μₜ₊₁/(1 − Π·μₜ·μₜ₊₁)·m/d\n"
      "(torch 1.13's arithmetic, μₜ twice in the last product)";

  // Π, the running product of μ, is a per-step term: it depends only on β₁ and t.
  struct Clock {
    double muProduct = 1.0;
  };
  template <class T>
  struct Terms {
    T biasCorrection2, rootBiasCorrection2, mu, muNext, muProduct, muProductNext;
    // The two moves' coefficients over their common denominator (step below):
    // η(1 − μₜ)/(1 − Π) = η·gradientWeight/weightsDenominator, η·μₜ₊₁/(1 − Π') likewise.
    T gradientWeight, momentumWeight, weightsDenominator;
  };
  static Terms<double> terms(ClockInputs c, Clock& k, long step) {
    constexpr double kMomentumDecay = 0.004;
    double t = static_cast<double>(step);
    double biasCorrection2 = 1.0 - std::pow(c.beta2, t);
    double mu = c.beta1 * (1.0 - 0.5 * std::pow(0.96, t * kMomentumDecay));
    double muNext = c.beta1 * (1.0 - 0.5 * std::pow(0.96, (t + 1.0) * kMomentumDecay));
    k.muProduct *= mu;
    double muProductNext = k.muProduct * mu * muNext;
    return {biasCorrection2,
            std::sqrt(biasCorrection2),
            mu,
            muNext,
            k.muProduct,
            muProductNext,
            (1.0 - mu) * (1.0 - muProductNext),
            muNext * (1.0 - k.muProduct),
            (1.0 - k.muProduct) * (1.0 - muProductNext)};
  }
  template <class T>
  struct State {
    Vec2T<T> m, v;
  };

  // torch's w − η(1 − μₜ)/(1 − Π)·g/d − η·μₜ₊₁/(1 − Π')·m/d with d = √(v/bc₂) + ε is, with
  // r = √bc₂ and dᵢ = √vᵢ + ε·r = r·d, w − (η·r)·(gradientWeight·gᵢ)/(weightsDenominator·dᵢ)
  // − (η·r)·(momentumWeight·mᵢ)/(weightsDenominator·dᵢ): both moves and both coordinates from
  // one division (one_division.h), where torch makes eight. Where that cannot keep its digits,
  // torch 1.13's own order.
  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>& k, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    s.m = probe.mix("m", "β₁·m", h.beta1 * s.m, "(1 − β₁)·g", (1.0 - h.beta1) * g);
    s.v = probe.mix("v", "β₂·v", h.beta2 * s.v, "(1 − β₂)·g²", (1.0 - h.beta2) * (g * g));
    probe.note("μₜ", k.mu);
    probe.note("μₜ₊₁", k.muNext);
    auto torchDenom = [&] { return sqrt(s.v / k.biasCorrection2) + h.eps; };
    probe.note("d", torchDenom);
    OneDivision<T> shared(k.weightsDenominator, sqrt(s.v) + h.eps * k.rootBiasCorrection2);
    T q = shared.factor(h.lr * k.rootBiasCorrection2);
    const auto usable = shared.usable();
    // In torch's order torch adds the two negative terms; w − (−a) is w + a to the bit.
    w = probe.descend(
        "η(1 − μₜ)/(1 − Π)·g/d", w,
        ifElse(
            usable, [&] { return shared.times(k.gradientWeight * g, q); },
            [&] { return -((-h.lr * (1.0 - k.mu) / (1.0 - k.muProduct)) * (g / torchDenom())); }));
    return probe.descend(
        "η·μₜ₊₁/(1 − Π·μₜ·μₜ₊₁)·m/d", w,
        ifElse(
            usable, [&] { return shared.times(k.momentumWeight * s.m, q); },
            [&] { return -((-h.lr * k.muNext / (1.0 - k.muProductNext)) * (s.m / torchDenom())); }),
        "m");
  }
};

}  // namespace optirace::optimizers
