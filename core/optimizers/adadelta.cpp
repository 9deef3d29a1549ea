#include "all.h"

namespace optirace::optimizers {

// Adadelta as torch.optim.Adadelta 1.13: ρ is our β₂ and ε sits inside both square roots.
// state.v holds the average of g², state.u the average of Δ².
static Vec2 adadeltaStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  Vec2 g = grad(w);
  s.v = h.beta2 * s.v + (1.0 - h.beta2) * (g * g);
  Vec2 delta = sqrt(s.u + h.eps) / sqrt(s.v + h.eps) * g;
  s.u = h.beta2 * s.u + (1.0 - h.beta2) * (delta * delta);
  return w - h.lr * delta;
}

const OptimizerDef adadelta{
    .name = "adadelta",
    .title = "Adadelta",
    .uses = {HyperId::Lr, HyperId::Beta2, HyperId::Eps, HyperId::WeightDecay},
    .defaults = {.lr = 1.0, .beta1 = 0.0, .beta2 = 0.9, .eps = 1e-6},
    .ruleText =
        "s ← ρ·s + (1 − ρ)·g²          (ρ = β₂)\n"
        "Δ = √(a + ε) / √(s + ε) · g\n"
        "a ← ρ·a + (1 − ρ)·Δ²\n"
        "w ← w − η·Δ",
    .step = adadeltaStep,
};

}  // namespace optirace::optimizers
