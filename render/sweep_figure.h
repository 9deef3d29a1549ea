// A sweep as a figure for slides and papers: axes with tick labels, one curve per racer (final
// gap against the swept value, log-log) or the grid with its colour bar, a legend and a title,
// drawn offscreen with the canvas's own primitives and written as PNG.
#pragma once

#include <string>
#include <vector>

#include "axis_ticks.h"
#include "font_atlas.h"
#include "racer.h"
#include "sweep.h"

namespace optirace {

// jobs[i] belongs to racers[i] (colour, label). Throws RenderError when it cannot render or write.
void writeSweepFigure(FontCache& fonts, const std::vector<const SweepJob*>& jobs,
                      const std::vector<RacerSpec>& racers, const std::string& path, int widthPx,
                      int heightPx, float scale);

// Where v lies along a swept axis, from 0 at its low end to 1 at its high end (log or linear).
double axisFraction(const SweepAxis& axis, double v);
// Its inverse: the value at fraction f of the axis.
double valueAtFraction(const SweepAxis& axis, double f);
// Ticks along a swept axis: round numbers, or decades on a log axis (values, not exponents).
std::vector<Tick> sweepAxisTicks(const SweepAxis& axis, int target);
// "Momentum β₁=0.5 from (-1, 0.5)": the racer with the settings that stay fixed in the sweep
// (the swept ones left out), so a figure says what it was made with.
std::string fixedSettingsLabel(const RacerSpec& racer, const SweepSpec& spec);
// "Final f − f* against lr on Rosenbrock, 1000 steps, noise σ = 0.3 (seed 1)".
std::string sweepTitle(const SweepSpec& spec);
// log10 of the smallest and largest final gap (with its 10 % and 90 % quantiles over seeds) of
// the curves' cells done and not diverged; lo > hi when there is none.
struct GapLevels {
  double lo, hi;
};
GapLevels curveGapLevels(const std::vector<const SweepJob*>& jobs);

}  // namespace optirace
