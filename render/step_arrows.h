// The step inspector's arrows on the canvas, from a racer's point: the step it is about to take,
// where plain gradient descent would go (−η·g), and the memory's carried share of the step
// (ending at the new point, so that it and the gradient's share make up the step); optionally
// the gradient field as a grid of small arrows. Each kind has its own style in the racer's
// colour, and a small legend names them. Steps far shorter than the canvas are magnified by
// one factor for all three (1, 2 or 5 × 10ⁿ), said in the legend, so the picture keeps its
// proportions.
#pragma once

#include <optional>

#include "drawing.h"
#include "font_atlas.h"
#include "plot_frame.h"
#include "step_inspection.h"
#include "surface.h"

namespace optirace {

struct StepArrowStyle {
  bool shown = false;  // the inspector's arrows on the canvas
  int racer = 0;       // whose (index into the race's racers)
  bool plain = true;   // −η·g
  bool memory = true;  // the carried share
  bool step = true;    // the step taken
  bool field = false;  // the gradient field
  bool operator==(const StepArrowStyle&) const = default;
};

// The factor every arrow is drawn at: 1 when the longest is at least `minPx` long, else the
// smallest of 1, 2, 5 × 10ⁿ that makes it so (at most 10⁶).
double arrowMagnification(double longestPx, double minPx);

// The factor the arrows of `inspection` are drawn at on `t`: every arrow shown at least
// kMinArrowPx × scale long (arrowMagnification of the longest).
inline constexpr float kMinArrowPx = 70.0f;
double stepArrowMagnification(const StepInspection& inspection, const CanvasTransform& t,
                              const StepArrowStyle& style, float scale);

// Queues the arrows of `inspection`: the step from its w, −η·g from w, the carried share
// ending at the step's end.
void drawStepArrows(Drawing& batch, const StepInspection& inspection, const CanvasTransform& t,
                    Rgba colour, const StepArrowStyle& style, float scale);
// −∇f on a grid over the visible area, each arrow of one length: the direction field.
void drawGradientField(Drawing& batch, const Surface& surface, const CanvasTransform& t,
                       float scale);
// The legend of the arrows shown, `at` its top-left; returns its box.
RectPx drawStepArrowLegend(Drawing& batch, const FontAtlas& font, PointF at,
                           const StepInspection& inspection, const CanvasTransform& t, Rgba colour,
                           const StepArrowStyle& style, float scale);
// The legend's size, to place it before drawing.
PointF stepArrowLegendSize(const FontAtlas& font, const StepInspection& inspection,
                           const CanvasTransform& t, const StepArrowStyle& style, float scale);

}  // namespace optirace
