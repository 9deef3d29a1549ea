#include "adam_core.h"
#include "all.h"

namespace optirace::optimizers {

// AMSGrad (Reddi, Kale & Kumar 2018) by name: Adam whose second moment is the running maximum,
// so the effective step can only shrink. The same as `adam` with the amsgrad flag set.
static Vec2 amsgradStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  return adamMomentStep(h, s, grad(w), w, /*amsgrad=*/true);
}

const OptimizerDef amsgrad{
    .name = "amsgrad",
    .title = "AMSGrad",
    .uses = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2, HyperId::Eps, HyperId::WeightDecay},
    .defaults = {.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8},
    .ruleText =
        "m ← β₁·m + (1 − β₁)·g\n"
        "v ← β₂·v + (1 − β₂)·g²,  v_max ← max(v_max, v)\n"
        "m̂ = m / (1 − β₁ᵗ),  v̂ = v_max / (1 − β₂ᵗ)\n"
        "w ← w − η·m̂ / (√v̂ + ε)",
    .step = amsgradStep,
};

}  // namespace optirace::optimizers
