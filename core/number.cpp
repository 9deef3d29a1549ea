#include "number.h"

#include <sleef.h>

namespace optirace {

// The pure-C "cinz" variant: the vector kernel's cinz variants give these bits in every lane.
SinCos<double> sinCosPiOf(double a) {
  Sleef_double_2 r = Sleef_cinz_sincospid1_u35purec(a);
  return {r.x, r.y};
}

}  // namespace optirace
