#include "hyper.h"

#include <cmath>

#include "number_format.h"

namespace optirace {

double Hyper::get(HyperId id) const {
  switch (id) {
    case HyperId::Lr:
      return lr;
    case HyperId::Beta1:
      return beta1;
    case HyperId::Beta2:
      return beta2;
    case HyperId::Eps:
      return eps;
    case HyperId::WeightDecay:
      return weightDecay;
    case HyperId::Dampening:
      return dampening;
    case HyperId::Amsgrad:
      return amsgrad ? 1.0 : 0.0;
    case HyperId::BiasCorrection:
      return biasCorrection ? 1.0 : 0.0;
    case HyperId::ClipNorm:
      return clipNorm;
  }
  return 0.0;
}

void Hyper::set(HyperId id, double value) {
  switch (id) {
    case HyperId::Lr:
      lr = value;
      break;
    case HyperId::Beta1:
      beta1 = value;
      break;
    case HyperId::Beta2:
      beta2 = value;
      break;
    case HyperId::Eps:
      eps = value;
      break;
    case HyperId::WeightDecay:
      weightDecay = value;
      break;
    case HyperId::Dampening:
      dampening = value;
      break;
    case HyperId::Amsgrad:
      amsgrad = value != 0.0;
      break;
    case HyperId::BiasCorrection:
      biasCorrection = value != 0.0;
      break;
    case HyperId::ClipNorm:
      clipNorm = value;
      break;
  }
}

const std::vector<HyperInfo>& allHyperInfos() {
  static const std::vector<HyperInfo> infos = {
      // id, name, symbol, valid range, role; drag range, log scale, default sweep range, flag
      {HyperId::Lr, "lr", "η", "lr > 0", "learning rate: the step size multiplying every update",
       1e-5, 2.0, true, 1e-4, 1.0},
      {HyperId::Beta1, "beta1", "β₁", "0 <= beta1 < 1",
       "first-moment / momentum decay: how much of the past gradient direction is kept", 0.0, 0.999,
       false, 0.0, 0.999},
      {HyperId::Beta2, "beta2", "β₂", "0 <= beta2 < 1",
       "second-moment decay: how long the running average of g² remembers", 0.0, 0.9999, false, 0.0,
       0.999},
      {HyperId::Eps, "eps", "ε", "eps >= 0",
       "denominator guard: added to √v so that tiny gradients do not explode the step", 1e-12, 1.0,
       true, 1e-12, 1e-2},
      {HyperId::WeightDecay, "weight_decay", "λ", "weight_decay >= 0",
       "weight decay: coupled L2 (g += λw), decoupled (w -= ηλw) for adamw and lion", 0.0, 1.0,
       false, 0.0, 1.0},
      {HyperId::Dampening, "dampening", "d", "0 <= dampening < 1",
       "Momentum's dampening: new gradients enter the buffer scaled by (1 - d)", 0.0, 0.99, false,
       0.0, 0.99},
      {HyperId::Amsgrad, "amsgrad", "AMSGrad", "true or false",
       "AMSGrad: use the running maximum of v so the effective step never grows", 0, 1, false, 0, 1,
       true},
      {HyperId::BiasCorrection, "bias_correction", "bias correction", "true or false",
       "divide m and v by 1 - βᵗ so the first steps are not shrunk toward 0", 0, 1, false, 0, 1,
       true},
      {HyperId::ClipNorm, "clip_norm", "c", "clip_norm > 0",
       "gradient clipping: g is rescaled to norm c when longer (clip_grad_norm_)", 1e-3, 100.0,
       true, 0.01, 10.0},
  };
  return infos;
}

const HyperInfo& hyperInfo(HyperId id) {
  return allHyperInfos()[static_cast<size_t>(id)];
}

std::optional<HyperId> hyperIdByName(std::string_view name) {
  for (const HyperInfo& info : allHyperInfos())
    if (info.name == name) return info.id;
  return std::nullopt;
}

bool hyperValueValid(HyperId id, double v) {
  if (!std::isfinite(v)) return false;
  switch (id) {
    case HyperId::Lr:
      return v > 0.0;
    case HyperId::Beta1:
    case HyperId::Beta2:
    case HyperId::Dampening:
      return v >= 0.0 && v < 1.0;
    case HyperId::Eps:
    case HyperId::WeightDecay:
      return v >= 0.0;
    case HyperId::Amsgrad:
    case HyperId::BiasCorrection:
      return v == 0.0 || v == 1.0;
    case HyperId::ClipNorm:
      return v > 0.0;
  }
  return false;
}

std::optional<std::string> validateHyper(const Hyper& h) {
  for (const HyperInfo& info : allHyperInfos()) {
    double v = h.get(info.id);
    if (info.id == HyperId::ClipNorm && v == INFINITY) continue;  // no clipping
    if (!hyperValueValid(info.id, v))
      return std::string(info.name) + " must satisfy " + std::string(info.range) + " (got " +
             formatNumber(v) + ")";
  }
  return std::nullopt;
}

}  // namespace optirace
