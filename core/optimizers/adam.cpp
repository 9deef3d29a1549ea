#include "adam_core.h"
#include "all.h"

namespace optirace::optimizers {

static Vec2 adamStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  return adamMomentStep(h, s, grad(w), w, h.amsgrad);
}

const OptimizerDef adam{
    .name = "adam",
    .title = "Adam",
    .uses = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2, HyperId::Eps, HyperId::WeightDecay,
             HyperId::Amsgrad},
    .defaults = {.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8},
    .ruleText =
        "m ← β₁·m + (1 − β₁)·g\n"
        "v ← β₂·v + (1 − β₂)·g²   (AMSGrad: v_max ← max(v_max, v), used for v)\n"
        "m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)\n"
        "w ← w − η·m̂ / (√v̂ + ε)\n"
        "weight decay is coupled L2: g ← g + λ·w",
    .step = adamStep,
};

}  // namespace optirace::optimizers
