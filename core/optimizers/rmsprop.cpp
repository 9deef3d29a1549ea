#include "all.h"

namespace optirace::optimizers {

// AdaGrad with a forgetting average of g² (state.v): PyTorch's alpha is our β₂.
static Vec2 rmspropStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  Vec2 g = grad(w);
  s.v = h.beta2 * s.v + (1.0 - h.beta2) * (g * g);
  return w - h.lr * g / (sqrt(s.v) + h.eps);
}

const OptimizerDef rmsprop{
    .name = "rmsprop",
    .title = "RMSProp",
    .uses = {HyperId::Lr, HyperId::Beta2, HyperId::Eps, HyperId::WeightDecay},
    .defaults = {.lr = 1e-2, .beta1 = 0.0, .beta2 = 0.99, .eps = 1e-8},
    .ruleText = "s ← β₂·s + (1 − β₂)·g²\nw ← w − η·g / (√s + ε)",
    .step = rmspropStep,
};

}  // namespace optirace::optimizers
