#include "number.h"

#include <sleef.h>

namespace optirace {

// The pure-C "cinz" variants: the vector kernel's cinz variants give these bits in every lane.
double cosOf(double a) {
  return Sleef_cinz_cosd1_u10purec(a);
}
double sinOf(double a) {
  return Sleef_cinz_sind1_u10purec(a);
}
SinCos<double> sinCosPiOf(double a) {
  Sleef_double_2 r = Sleef_cinz_sincospid1_u35purec(a);
  return {r.x, r.y};
}

}  // namespace optirace
