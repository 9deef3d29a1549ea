#include "all.h"

namespace optirace::optimizers {

// Lion (Chen et al. 2023): the step is the sign of an interpolation, so every coordinate
// moves by exactly η (plus decoupled decay); the momentum (state.m) uses β₂.
static Vec2 lionStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  Vec2 g = grad(w);
  Vec2 c = h.beta1 * s.m + (1.0 - h.beta1) * g;
  Vec2 next = w - h.lr * (sign(c) + h.weightDecay * w);
  s.m = h.beta2 * s.m + (1.0 - h.beta2) * g;
  return next;
}

const OptimizerDef lion{
    .name = "lion",
    .title = "Lion",
    .uses = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2, HyperId::WeightDecay},
    // The paper's defaults (no torch 1.13 Lion): η = 1e-4, β = (0.9, 0.99).
    .defaults = {.lr = 1e-4, .beta1 = 0.9, .beta2 = 0.99, .eps = 0.0},
    .decay = DecayKind::Decoupled,
    .ruleText =
        "c = β₁·m + (1 − β₁)·g\n"
        "w ← w − η·(sign(c) + λ·w)\n"
        "m ← β₂·m + (1 − β₂)·g",
    .step = lionStep,
};

}  // namespace optirace::optimizers
