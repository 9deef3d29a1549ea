// Polylines thinned for vector figures (Douglas–Peucker): a point is dropped only when the
// simplified line passes within `tolerancePx` of it, so no point of the path moves by more
// than that; a 10⁴-step path at figure resolution keeps a few hundred to a few thousand points.
#pragma once

#include <span>
#include <vector>

#include "drawing.h"

namespace optirace {

// How far a vector figure's paths may stray from the exact points: a quarter pixel.
inline constexpr float kVectorPathTolerancePx = 0.25f;

std::vector<PointF> simplifyPolyline(std::span<const PointF> points, float tolerancePx);

// How far `p` lies from the segment a–b (its nearest point on it), in pixels.
float distanceToSegment(PointF p, PointF a, PointF b);

}  // namespace optirace
