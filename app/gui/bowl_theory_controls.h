// The bowl's theory in the window (core/bowl_theory.h): the Hessian's eigenvalues and κ in the
// Scenario panel; under a racer's sliders, the η below which it converges and the rate theory
// predicts, with a button that sets the optimal η (and β); the η field tinted when it is past
// the limit.
#pragma once

#include "app_state.h"

namespace optirace {

// "Hessian eigenvalues λ₁ = 2, λ₂ = 100, κ = 50" for the quadratic bowl; nothing otherwise.
void bowlSpectrumLine(const AppState& app);

// Pushes a red frame colour when the racer's η is at or past the stable limit
// (lrPastStableLimit: never for a task's network); returns how many
// colours to pop after the η widget.
int tintUnstableLr(const AppState& app, const RacerSpec& racer);

// The racer's prediction and the "Optimal η, β" button; returns true when it changed the racer.
bool bowlTheoryLine(const AppState& app, RacerSpec& racer);

}  // namespace optirace
