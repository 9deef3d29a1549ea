// Where a diverged racer's path left the canvas: the point on the view's border where its last
// segment inside the view crosses it, the direction it was heading (in pixels, y down), and
// the step it diverged at. The canvas draws an arrow there, so a divergence is seen even when
// the path runs off the view long before the racer is called diverged.
#pragma once

#include <optional>

#include "plot_frame.h"
#include "racer.h"

namespace optirace {

struct ExitMark {
  PointF at;         // on the border of t.area
  PointF direction;  // unit length, pointing out of the view
  long step;         // the step the racer diverged at
};

// Nothing when the racer has not diverged, when its last finite point is still in view (its
// cross is drawn there), or when it never was in view.
std::optional<ExitMark> exitMark(const Racer& racer, const CanvasTransform& t);

}  // namespace optirace
