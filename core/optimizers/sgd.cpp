#include "all.h"

namespace optirace::optimizers {

// Plain gradient descent: no memory at all.
static Vec2 sgdStep(const Hyper& h, OptimizerState&, const GradientFn& grad, Vec2 w) {
  return w - h.lr * grad(w);
}

const OptimizerDef sgd{
    .name = "sgd",
    .title = "SGD",
    .uses = {HyperId::Lr, HyperId::WeightDecay},
    // torch.optim.SGD has no default lr (it is required); 0.01 is the usual first try.
    .defaults = {.lr = 1e-2, .beta1 = 0.0, .beta2 = 0.0, .eps = 0.0},
    .ruleText = "w ← w − η·g",
    .step = sgdStep,
};

}  // namespace optirace::optimizers
