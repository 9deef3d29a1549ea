#include <cmath>

#include "all.h"

namespace optirace::optimizers {

// Adam with the infinity norm (state.v holds u, the decayed running max of |g|), as
// torch.optim.Adamax 1.13, whose ε sits inside the max.
static Vec2 adamaxStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  Vec2 g = grad(w);
  s.m = h.beta1 * s.m + (1.0 - h.beta1) * g;
  s.v = max(h.beta2 * s.v, abs(g) + h.eps);
  double clr = h.lr / (1.0 - std::pow(h.beta1, static_cast<double>(s.t)));
  return w - clr * (s.m / s.v);
}

const OptimizerDef adamax{
    .name = "adamax",
    .title = "Adamax",
    .uses = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2, HyperId::Eps, HyperId::WeightDecay},
    .defaults = {.lr = 2e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8},
    .ruleText =
        "m ← β₁·m + (1 − β₁)·g\n"
        "u ← max(β₂·u, |g| + ε)\n"
        "w ← w − η/(1 − β₁ᵗ)·m/u",
    .step = adamaxStep,
};

}  // namespace optirace::optimizers
