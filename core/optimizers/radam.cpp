#include <cmath>

#include "all.h"

namespace optirace::optimizers {

// Rectified Adam as torch.optim.RAdam 1.13: until the variance estimate's length ρₜ exceeds
// 5 it takes plain momentum steps; after that the adaptive step scaled by the rectifier r.
static Vec2 radamStep(const Hyper& h, OptimizerState& s, const GradientFn& grad, Vec2 w) {
  Vec2 g = grad(w);
  double t = static_cast<double>(s.t);
  double biasCorrection1 = 1.0 - std::pow(h.beta1, t);
  double biasCorrection2 = 1.0 - std::pow(h.beta2, t);
  s.m = h.beta1 * s.m + (1.0 - h.beta1) * g;
  s.v = h.beta2 * s.v + (1.0 - h.beta2) * (g * g);
  Vec2 mHat = s.m / biasCorrection1;
  double rhoInf = 2.0 / (1.0 - h.beta2) - 1.0;
  double rhoT = rhoInf - 2.0 * t * std::pow(h.beta2, t) / biasCorrection2;
  if (rhoT > 5.0) {
    double rect =
        std::sqrt((rhoT - 4.0) * (rhoT - 2.0) * rhoInf / ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT));
    Vec2 adaptiveLr = Vec2{1.0, 1.0} * std::sqrt(biasCorrection2) / (sqrt(s.v) + h.eps);
    return w - (mHat * h.lr) * adaptiveLr * rect;
  }
  return w - mHat * h.lr;
}

const OptimizerDef radam{
    .name = "radam",
    .title = "RAdam",
    .uses = {HyperId::Lr, HyperId::Beta1, HyperId::Beta2, HyperId::Eps, HyperId::WeightDecay},
    .defaults = {.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8},
    .ruleText =
        "m ← β₁·m + (1 − β₁)·g,  v ← β₂·v + (1 − β₂)·g²,  m̂ = m/(1 − β₁ᵗ)\n"
        "ρ∞ = 2/(1 − β₂) − 1,  ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)\n"
        "ρₜ > 5:  r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)),\n"
        "         w ← w − η·r·m̂·√(1 − β₂ᵗ)/(√v + ε)\n"
        "else:    w ← w − η·m̂",
    .step = radamStep,
};

}  // namespace optirace::optimizers
