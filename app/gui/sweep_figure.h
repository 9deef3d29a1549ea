// A sweep as a figure for slides and papers: axes with tick labels, one curve per racer (final
// gap against the swept value, log-log) or the grid with its colour bar, a legend and a title,
// drawn offscreen with the canvas's own primitives and written as PNG.
#pragma once

#include <string>
#include <vector>

#include "font_atlas.h"
#include "racer.h"
#include "sweep.h"

namespace optirace {

// jobs[i] belongs to racers[i] (colour, label). Throws RenderError when it cannot render or write.
void writeSweepFigure(FontCache& fonts, const std::vector<const SweepJob*>& jobs,
                      const std::vector<RacerSpec>& racers, const std::string& path, int widthPx,
                      int heightPx, float scale);

}  // namespace optirace
