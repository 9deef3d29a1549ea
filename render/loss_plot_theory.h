// The bowl's theory on the loss plot: for each racer that core/bowl_theory.h has a prediction
// for, the gap theory predicts from its start, f₀ − f* times rate^(2t), as a dashed line in the
// racer's colour (straight on the log scale, where a linear rate is a line).
#pragma once

#include "drawing.h"
#include "plot_frame.h"
#include "race.h"

namespace optirace {

// Whether any enabled racer of the race has a predicted line.
bool hasTheoryLines(const Race& race);

// Queues the lines (log scale only) into `batch`, clipped to the plot's area.
void queueTheoryLines(Drawing& batch, const Race& race, const PlotTransform& t, float scale);

}  // namespace optirace
