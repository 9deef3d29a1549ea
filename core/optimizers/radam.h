#pragma once

#include <cmath>

#include "../optimizer.h"
#include "one_division.h"

namespace optirace::optimizers {

// Rectified Adam as torch.optim.RAdam 1.13: until the variance estimate's length ρₜ exceeds
// 5 it takes plain momentum steps; after that the adaptive step scaled by the rectifier r.
struct Radam : UpdateRuleBase {
  static constexpr std::string_view name = "radam", title = "RAdam";
  static constexpr HyperId uses[] = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2, HyperId::Eps,
                                     HyperId::WeightDecay};
  static constexpr Hyper defaults{.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8};
  static constexpr DecayKind decay = DecayKind::Coupled;
  static constexpr std::string_view ruleText =
      "m ← β₁·m + (1 − β₁)·g,  v ← β₂·v + (1 − β₂)·g²,  m̂ = m/(1 − β₁ᵗ)\n"
      "ρ∞ = 2/(1 − β₂) − 1,  ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)\n"
      "ρₜ > 5:  r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)),\n"
      "         w ← w − η·r·m̂·√(1 − β₂ᵗ)/(√v + ε)\n"
      "else:    w ← w − η·m̂";

  template <class T>
  struct Terms {
    T biasCorrection1, rootBiasCorrection2;
    T rectifier;  // r
    T rectified;  // 1 where ρₜ > 5, else 0
  };
  static Terms<double> terms(ClockInputs c, Clock&, long step) {
    double t = static_cast<double>(step);
    double beta2Power = std::pow(c.beta2, t);  // β₂ᵗ, used twice
    double biasCorrection1 = 1.0 - std::pow(c.beta1, t);
    double biasCorrection2 = 1.0 - beta2Power;
    double rhoInf = 2.0 / (1.0 - c.beta2) - 1.0;
    double rhoT = rhoInf - 2.0 * t * beta2Power / biasCorrection2;
    if (!(rhoT > 5.0)) return {biasCorrection1, std::sqrt(biasCorrection2), 0.0, 0.0};
    double rect =
        std::sqrt((rhoT - 4.0) * (rhoT - 2.0) * rhoInf / ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT));
    return {biasCorrection1, std::sqrt(biasCorrection2), rect, 1.0};
  }
  template <class T>
  struct State {
    Vec2T<T> m, v;
  };

  // The adaptive step η·r·m̂·√bc₂/(√v + ε) is (η·r·√bc₂)·mᵢ/(bc₁·(√vᵢ + ε)): both coordinates
  // from one division (one_division.h), where torch makes four; where that cannot keep its
  // digits, and for the plain momentum steps, torch 1.13's own order.
  template <class T, class Probe = NoProbe>
  static Vec2T<T> step(const HyperOf<T>& h, State<T>& s, const Terms<T>& k, long, Vec2T<T> g,
                       Vec2T<T> w, Probe&& probe = {}) {
    s.m = probe.mix("m", "β₁·m", h.beta1 * s.m, "(1 − β₁)·g", (1.0 - h.beta1) * g);
    s.v = probe.mix("v", "β₂·v", h.beta2 * s.v, "(1 − β₂)·g²", (1.0 - h.beta2) * (g * g));
    auto mHat = [&] { return s.m / k.biasCorrection1; };
    probe.note("m̂", mHat);
    probe.note("r (0 until ρₜ > 5)", k.rectifier);
    auto adaptive = [&] {
      OneDivision<T> shared(k.biasCorrection1, sqrt(s.v) + h.eps);
      auto oneDivision = [&] {
        return shared.times(s.m, shared.factor((h.lr * k.rectifier) * k.rootBiasCorrection2));
      };
      auto torchOrder = [&] {
        Vec2T<T> adaptiveLr = Vec2T<T>{1.0, 1.0} * k.rootBiasCorrection2 / shared.d;  // √v + ε
        return (mHat() * h.lr) * adaptiveLr * k.rectifier;
      };
      return ifElse(shared.usable(), oneDivision, torchOrder);
    };
    auto plain = [&] { return mHat() * h.lr; };
    return probe.descend("ρₜ > 5: η·r·m̂·√(1 − β₂ᵗ)/(√v + ε), else η·m̂", w,
                         ifElse(isNotZero(k.rectified), adaptive, plain), "m");
  }
};

}  // namespace optirace::optimizers
