// Theory over the Sensitivity panel's measured grid: for Momentum or Nesterov on the bowl swept
// over η × β₁, contour lines of the rate theory predicts (core/bowl_theory.h), its divergence
// boundary ρ = 1 drawn thick, and heavy ball's optimum marked: measured and predicted side by
// side, in the spirit of the momentum article's picture.
#pragma once

#include <imgui.h>

#include <optional>
#include <vector>

#include "contour_lines.h"
#include "sweep.h"

namespace optirace {

struct BowlTheoryOverlay {
  struct Level {
    double rate;
    std::vector<ContourSegment> segments;  // in the axes' fractions, 0 … 1 each
  };
  std::vector<Level> levels;    // ρ = 0.5, 0.8, 0.9, 0.95, 0.99 and the boundary 1
  std::optional<Vec2> optimum;  // heavy ball's, in the axes' fractions, when in the grid
  double optimumRate = 0;
};

// The overlay for a sweep, when theory has a rate for every cell (the bowl; momentum or nesterov
// without schedule or clipping; its axes η and β₁ in either order). Computed once per sweep.
std::optional<BowlTheoryOverlay> bowlTheoryOverlay(const SweepSpec& spec);

// Draws it over the grid's square (origin: its top-left corner; side: its size in pixels).
void drawBowlTheoryOverlay(ImDrawList* draw, const BowlTheoryOverlay& overlay, ImVec2 origin,
                           float side);

}  // namespace optirace
