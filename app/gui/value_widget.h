// A number the user drags or types. Dragging moves a log-scaled value by a factor per pixel
// (about ×1.01, so 75 px is ×2 rather than a decade) and others by a fraction of their range
// (Shift: ten times faster, Alt: ten times slower). Ctrl+click types an exact value: one that is
// not valid is refused with a message naming what is valid, never clamped.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app_state.h"

namespace optirace {

struct ValueScale {
  double lo, hi;  // the dragging range; typed values may go beyond it while valid
  bool logarithmic;
  bool wholeNumbers = false;  // dragged values are rounded; typed ones must be whole already
};

// Why `value` is not valid (naming the quantity), or nothing when it is.
using ValueProblem = std::function<std::optional<std::string>(double value)>;

// Returns the new value when the user changed it to a valid one.
std::optional<double> valueWidget(AppState& app, const char* label, double value,
                                  const ValueScale& scale, const ValueProblem& problem);

}  // namespace optirace
