#include "bowl_theory.h"

#include <algorithm>
#include <cmath>

namespace optirace {

std::optional<BowlSpectrum> bowlSpectrum(const Surface& surface) {
  if (surface.typed() || surface.name() != "quadratic") return std::nullopt;
  double a = 2 * surface.param("a"), b = 2 * surface.param("b");  // ∇²(a·u²) = 2a
  return BowlSpectrum{std::min(a, b), std::max(a, b)};
}

namespace {

// The larger modulus of the roots of z² − trace·z + det.
double largerRoot(double trace, double det) {
  double disc = trace * trace - 4 * det;
  if (disc < 0) return std::sqrt(det);  // complex pair: |z|² = det
  double s = std::sqrt(disc);
  return std::max(std::abs(trace + s), std::abs(trace - s)) / 2;
}

std::optional<BowlMethod> methodOf(const RacerSpec& racer) {
  if (!racer.schedule.isConstant() || racer.hyper.clips()) return std::nullopt;
  if (racer.optimizer == "sgd") return BowlMethod::GradientDescent;
  if (racer.optimizer == "momentum") return BowlMethod::HeavyBall;
  if (racer.optimizer == "nesterov") return BowlMethod::Nesterov;
  return std::nullopt;
}

// The step size multiplying the gradient once momentum has started: dampening scales heavy
// ball's gradient term by (1 − d).
double effectiveLr(BowlMethod method, const Hyper& h) {
  return method == BowlMethod::HeavyBall ? h.lr * (1 - h.dampening) : h.lr;
}

}  // namespace

double iterationRadius(BowlMethod method, double h, double beta) {
  switch (method) {
    case BowlMethod::GradientDescent:
      return std::abs(1 - h);
    case BowlMethod::HeavyBall:
      return largerRoot(1 + beta - h, beta);
    case BowlMethod::Nesterov:
      return largerRoot((1 + beta) * (1 - h), beta * (1 - h));
  }
  return NAN;
}

std::optional<BowlPrediction> predictOnBowl(const RacerSpec& racer, const Surface& surface) {
  std::optional<BowlSpectrum> spectrum = bowlSpectrum(surface);
  std::optional<BowlMethod> method = methodOf(racer);
  if (!spectrum || !method) return std::nullopt;
  const Hyper& h = racer.hyper;
  if (*method == BowlMethod::HeavyBall && !(h.dampening < 1)) return std::nullopt;  // no g
  spectrum->lambdaMin += h.weightDecay;  // g = ∇f + λ_wd·w: the Hessian plus λ_wd·I
  spectrum->lambdaMax += h.weightDecay;
  double beta = *method == BowlMethod::GradientDescent ? 0.0 : h.beta1;
  double lr = effectiveLr(*method, h);
  double rate = std::max(iterationRadius(*method, lr * spectrum->lambdaMin, beta),
                         iterationRadius(*method, lr * spectrum->lambdaMax, beta));
  // The largest stable h (where a root reaches −1): 2, 2(1 + β), 2(1 + β)/(1 + 2β).
  double hMax = *method == BowlMethod::GradientDescent ? 2.0
                : *method == BowlMethod::HeavyBall     ? 2 * (1 + beta)
                                                       : 2 * (1 + beta) / (1 + 2 * beta);
  double stableBelow = hMax / spectrum->lambdaMax;
  if (*method == BowlMethod::HeavyBall) stableBelow /= 1 - h.dampening;  // in terms of η
  return BowlPrediction{*method, *spectrum, rate, stableBelow};
}

std::optional<BowlOptimum> optimalOnBowl(const RacerSpec& racer, const Surface& surface) {
  std::optional<BowlPrediction> p = predictOnBowl(racer, surface);
  if (!p || p->method == BowlMethod::Nesterov) return std::nullopt;
  double l1 = p->spectrum.lambdaMin, l2 = p->spectrum.lambdaMax, kappa = l2 / l1;
  if (!(l1 > 0)) return std::nullopt;  // a flat direction: no rate to optimise
  if (p->method == BowlMethod::GradientDescent)
    return BowlOptimum{2 / (l1 + l2), racer.hyper.beta1, (kappa - 1) / (kappa + 1)};
  double root = (std::sqrt(kappa) - 1) / (std::sqrt(kappa) + 1);
  double lr = std::pow(2 / (std::sqrt(l1) + std::sqrt(l2)), 2) / (1 - racer.hyper.dampening);
  return BowlOptimum{lr, root * root, root};
}

bool lrPastStableLimit(const Scenario& scenario, const RacerSpec& racer) {
  if (scenario.task) return false;
  std::optional<BowlPrediction> p = predictOnBowl(racer, scenario.surface);
  return p && racer.hyper.lr >= p->stableLrBelow;
}

}  // namespace optirace
