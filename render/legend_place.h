// Where a legend goes: the corner of the plot area whose box would hide the fewest data points,
// and nowhere when the box would not fit (more than 60 % of the area's width or half its
// height): a legend larger than its plot hides what it labels.
#pragma once

#include <optional>
#include <vector>

#include "plot_frame.h"

namespace optirace {

// The box's top-left corner, `margin` px inside one of the area's corners; ties go to the
// top right, then top left, bottom right, bottom left.
std::optional<PointF> legendCorner(const RectPx& area, float boxW, float boxH, float margin,
                                   const std::vector<PointF>& points);

}  // namespace optirace
