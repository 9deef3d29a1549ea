#include "adam_core.h"
#include "all.h"

namespace optirace::optimizers {

// Decoupled decay (Loshchilov & Hutter): shrink w first, then Adam with the gradient taken
// at the point before the shrink, as torch.optim.AdamW does.
static Vec2 adamwStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  Vec2 g = grad(w);
  Vec2 decayed = (1.0 - h.lr * h.weightDecay) * w;
  return adamMomentStep(h, s, g, decayed, h.amsgrad);
}

const OptimizerDef adamw{
    .name = "adamw",
    .title = "AdamW",
    .uses = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2, HyperId::Eps, HyperId::WeightDecay,
             HyperId::Amsgrad},
    .defaults = {.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8, .weightDecay = 1e-2},
    .decay = DecayKind::Decoupled,
    .ruleText =
        "w ← (1 − η·λ)·w            (decoupled decay, g taken before it)\n"
        "m ← β₁·m + (1 − β₁)·g\n"
        "v ← β₂·v + (1 − β₂)·g²   (AMSGrad: v_max ← max(v_max, v), used for v)\n"
        "m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)\n"
        "w ← w − η·m̂ / (√v̂ + ε)",
    .step = adamwStep,
};

}  // namespace optirace::optimizers
