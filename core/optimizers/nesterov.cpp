#include "all.h"

namespace optirace::optimizers {

// Look-ahead form (seed 003, §27.2): the gradient is taken where momentum alone would carry w.
// PyTorch's nesterov=True tracks the look-ahead point u = w − ηβ₁v instead of w; the two
// trajectories are the same sequence seen at different points.
static Vec2 nesterovStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  Vec2 lookAhead = w - h.lr * h.beta1 * s.m;
  s.m = h.beta1 * s.m + grad(lookAhead);
  return w - h.lr * s.m;
}

const OptimizerDef nesterov{
    .name = "nesterov",
    .title = "Nesterov",
    .uses = {HyperId::Lr, HyperId::Beta1, HyperId::WeightDecay},
    .defaults = {.lr = 1e-2, .beta1 = 0.9, .beta2 = 0.0, .eps = 0.0},
    .ruleText = "v ← β₁·v + g(w − η·β₁·v)\nw ← w − η·v",
    .step = nesterovStep,
};

}  // namespace optirace::optimizers
