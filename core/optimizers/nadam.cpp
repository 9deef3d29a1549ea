#include <cmath>

#include "all.h"

namespace optirace::optimizers {

// NAdam exactly as torch.optim.NAdam 1.13 (momentum_decay ψ = 0.004); m in state.m, v in
// state.v, the μ-product in state.product. Note: torch 1.13 computes the next μ-product as
// Π·μₜ·μₜ₊₁ after Π already holds μₜ (μₜ enters twice); torch 2.0 dropped the extra μₜ
// (pytorch PR 92699). ENGINE.md asks for 1.13, so we keep its arithmetic.
static Vec2 nadamStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  constexpr double kMomentumDecay = 0.004;
  Vec2 g = grad(w);
  double t = static_cast<double>(s.t);
  double biasCorrection2 = 1.0 - std::pow(h.beta2, t);
  double mu = h.beta1 * (1.0 - 0.5 * std::pow(0.96, t * kMomentumDecay));
  double muNext = h.beta1 * (1.0 - 0.5 * std::pow(0.96, (t + 1.0) * kMomentumDecay));
  s.product *= mu;
  double productNext = s.product * mu * muNext;
  s.m = h.beta1 * s.m + (1.0 - h.beta1) * g;
  s.v = h.beta2 * s.v + (1.0 - h.beta2) * (g * g);
  Vec2 denom = sqrt(s.v / biasCorrection2) + h.eps;
  w = w + (-h.lr * (1.0 - mu) / (1.0 - s.product)) * (g / denom);
  return w + (-h.lr * muNext / (1.0 - productNext)) * (s.m / denom);
}

const OptimizerDef nadam{
    .name = "nadam",
    .title = "NAdam",
    .uses = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2, HyperId::Eps, HyperId::WeightDecay},
    .defaults = {.lr = 2e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8},
    .ruleText =
        "μₜ = β₁·(1 − ½·0.96^(0.004·t)),  Π ← Π·μₜ\n"
        "m ← β₁·m + (1 − β₁)·g,  v ← β₂·v + (1 − β₂)·g²\n"
        "d = √(v / (1 − β₂ᵗ)) + ε\n"
        "w ← w − η(1 − μₜ)/(1 − Π)·g/d − η·μₜ₊₁/(1 − Π·μₜ·μₜ₊₁)·m/d\n"
        "(torch 1.13's arithmetic, μₜ twice in the last product)",
    .step = nadamStep,
};

}  // namespace optirace::optimizers
