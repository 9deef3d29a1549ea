// A sweep's grid as a picture, without any GL: log10 of the final gap through viridis (read from
// the embedded colormaps.glsl that the canvas's shader uses, so both show the same colours),
// diverged cells dark red, basin maps coloured by the minimizer reached and shaded by the steps
// it took. The CLI writes it as PNG; the Sensitivity panel and the sweep figure draw it.
#pragma once

#include <cstdint>
#include <vector>

#include "sweep.h"

namespace optirace {

struct SweepPicture {
  int width = 0, height = 0;            // one pixel per cell; row 0 is the top (largest y value)
  std::vector<std::uint8_t> rgba;       // cells not done yet are transparent
  double logGapMin = 0, logGapMax = 0;  // the colour scale's ends (log10 of the final gap)
};
SweepPicture sweepPicture(const SweepJob& job);
// RGB of viridis at t ∈ [0, 1] (for colour bars).
std::vector<std::uint8_t> viridisRgb(double t);

}  // namespace optirace
