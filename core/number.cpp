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

}  // namespace optirace
