#include "all.h"

namespace optirace::optimizers {

// Heavy ball in PyTorch's form: the buffer starts as the first gradient (state.m).
static Vec2 momentumStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  Vec2 g = grad(w);
  s.m = s.t == 1 ? g : h.beta1 * s.m + (1.0 - h.dampening) * g;
  return w - h.lr * s.m;
}

const OptimizerDef momentum{
    .name = "momentum",
    .title = "Momentum",
    .uses = {HyperId::Lr, HyperId::Beta1, HyperId::WeightDecay, HyperId::Dampening},
    .defaults = {.lr = 1e-2, .beta1 = 0.9, .beta2 = 0.0, .eps = 0.0},
    .ruleText = "b ← g (first step), else b ← β₁·b + (1 − d)·g\nw ← w − η·b",
    .step = momentumStep,
};

}  // namespace optirace::optimizers
