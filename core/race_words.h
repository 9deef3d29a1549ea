// The words the window, the legends and exported figures use for racers and races, generated
// from what they describe so that they never go stale: a racer's status ("budget reached",
// "first below the threshold at 56 (now above)"), a label from the optimizer and the
// hyperparameters that differ from its defaults, a title from the surface and the racers.
#pragma once

#include <string>

#include "racer.h"
#include "scenario.h"

namespace optirace {

// The shortest text that reads back as v (std::to_chars), e.g. "0.001", "1e-08".
std::string shortNumber(double v);

// "running", "budget reached", "converged at 56", "first below the threshold at 56 (now
// above)" or "diverged at 2"; `budget` is the race's step budget.
std::string statusWords(const Racer& racer, long budget);
// The step at which the racer first fell below the threshold, or why there is none:
// "56", "none yet", "never" (budget reached) or "—" (diverged first).
std::string thresholdStepWords(const Racer& racer, long budget);

// "warmup warmup=100", "cosine t_max=500,eta_min=0.001": the schedule's name and the parameters
// that differ from their defaults.
std::string scheduleWords(const Schedule& schedule);
// "Adam η=0.01", "Momentum η=0.012 β₁=0.5", "Adam + L2 λ=0.01", "Adam (no bias correction)",
// "SGD clip=1, warmup warmup=100": the optimizer's title, every hyperparameter it uses that
// differs from its defaults, the clipping and the schedule.
std::string generatedLabel(const RacerSpec& racer);
// "Rosenbrock: SGD vs Momentum vs Adam, σ = 0.3": the surface, the enabled racers' optimizers
// (their count beyond four) and the noise.
std::string generatedTitle(const Scenario& scenario);

}  // namespace optirace
