// What theory predicts for gradient descent, heavy-ball momentum and Nesterov's look-ahead on the
// quadratic bowl (seed 003 §27.2 and Exercise 27.2): the Hessian's eigenvalues and κ, the
// largest stable η, the optimal settings and the linear rate at which the error shrinks.
//
// On f = a·u² + b·v² (any rotation) each method is linear in the error, and along each of the
// Hessian's eigenvectors (eigenvalue λ, plus λ_wd for coupled weight decay) it is a fixed 1 × 1
// (GD) or 2 × 2 (momentum) iteration in h = η·λ. The error shrinks per step by the spectral
// radius of that iteration, the largest over the two eigenvalues; the gap f − f* by its square.
#pragma once

#include <optional>

#include "racer.h"
#include "scenario.h"
#include "surface.h"

namespace optirace {

struct BowlSpectrum {
  double lambdaMin = 0, lambdaMax = 0;  // the Hessian's eigenvalues: 2a and 2b, in order
  double kappa() const { return lambdaMax / lambdaMin; }
};

// The quadratic bowl's spectrum, or nothing for any other surface.
std::optional<BowlSpectrum> bowlSpectrum(const Surface& surface);

enum class BowlMethod { GradientDescent, HeavyBall, Nesterov };

// The spectral radius of one eigen-direction's iteration, at h = η·λ (η·(1 − d)·λ for heavy ball
// with dampening d) and momentum β:
//   GD          e ← (1 − h)·e                                  |1 − h|
//   heavy ball  z² − (1 + β − h)·z + β = 0                     (PyTorch's SGD momentum)
//   Nesterov    z² − (1 + β)(1 − h)·z + β·(1 − h) = 0           (the look-ahead form)
double iterationRadius(BowlMethod method, double h, double beta);

// What a racer's settings predict on the surface: the method (sgd, momentum, nesterov with
// neither a schedule nor clipping, on the bowl), its eigenvalues (λ + λ_wd), the error's rate
// per step, and the largest η for which it converges. Nothing when theory does not apply.
struct BowlPrediction {
  BowlMethod method;
  BowlSpectrum spectrum;  // with coupled weight decay added
  double rate;            // the error's factor per step; the gap's is rate²
  double stableLrBelow;   // η < this converges (GD 2/λ₂, heavy ball 2(1 + β)/λ₂, …)
};
std::optional<BowlPrediction> predictOnBowl(const RacerSpec& racer, const Surface& surface);

// Whether the racer's η is at or past the limit below which it converges on the scenario's bowl:
// false where predictOnBowl gives nothing, and for a task's scenario, which keeps a surface (the
// bowl by default) its network does not train on.
bool lrPastStableLimit(const Scenario& scenario, const RacerSpec& racer);

// The settings theory calls optimal for a racer's method on the surface: GD η = 2/(λ₁ + λ₂)
// (rate (κ − 1)/(κ + 1)); heavy ball η = (2/(√λ₁ + √λ₂))², β = ((√κ − 1)/(√κ + 1))² (rate
// (√κ − 1)/(√κ + 1)). Nothing for Nesterov or where predictOnBowl gives nothing.
struct BowlOptimum {
  double lr, beta1, rate;
};
std::optional<BowlOptimum> optimalOnBowl(const RacerSpec& racer, const Surface& surface);

}  // namespace optirace
