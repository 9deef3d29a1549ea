#include "all.h"

namespace optirace::optimizers {

// Squared gradients accumulate forever (state.v), so the effective step only shrinks.
static Vec2 adagradStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  Vec2 g = grad(w);
  s.v = s.v + g * g;
  return w - h.lr * g / (sqrt(s.v) + h.eps);
}

const OptimizerDef adagrad{
    .name = "adagrad",
    .title = "AdaGrad",
    .uses = {HyperId::Lr, HyperId::Eps, HyperId::WeightDecay},
    .defaults = {.lr = 1e-2, .beta1 = 0.0, .beta2 = 0.0, .eps = 1e-10},
    .ruleText = "G ← G + g²\nw ← w − η·g / (√G + ε)",
    .step = adagradStep,
};

}  // namespace optirace::optimizers
