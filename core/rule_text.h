// The update rule of one racer as the window shows it: its optimizer's rule text with the
// racer's settings written in. A schedule turns η into ηₜ and adds ηₜ's formula, clipping adds
// the rescaling of g, and Adam without bias correction shows m̂ = m and v̂ = v.
#pragma once

#include <string>

#include "racer.h"

namespace optirace {

std::string ruleTextFor(const RacerSpec& racer);

}  // namespace optirace
