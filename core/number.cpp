#include "number.h"

#include <sleef.h>

namespace optirace {

// The pure-C "cinz" variant: the vector kernel's cinz variants give these bits in every lane.
SinCos<double> sinCosPiOf(double a) {
  Sleef_double_2 r = Sleef_cinz_sincospid1_u35purec(a);
  return {r.x, r.y};
}

double sinOf(double a) {
  return Sleef_cinz_sind1_u10purec(a);
}
double cosOf(double a) {
  return Sleef_cinz_cosd1_u10purec(a);
}
double tanOf(double a) {
  return Sleef_cinz_tand1_u10purec(a);
}
double asinOf(double a) {
  return Sleef_cinz_asind1_u10purec(a);
}
double acosOf(double a) {
  return Sleef_cinz_acosd1_u10purec(a);
}
double atanOf(double a) {
  return Sleef_cinz_atand1_u10purec(a);
}
double sinhOf(double a) {
  return Sleef_cinz_sinhd1_u10purec(a);
}
double coshOf(double a) {
  return Sleef_cinz_coshd1_u10purec(a);
}
double tanhOf(double a) {
  return Sleef_cinz_tanhd1_u10purec(a);
}
double expOf(double a) {
  return Sleef_cinz_expd1_u10purec(a);
}
double logOf(double a) {
  return Sleef_cinz_logd1_u10purec(a);
}
double log10Of(double a) {
  return Sleef_cinz_log10d1_u10purec(a);
}
double powOf(double a, double b) {
  return Sleef_cinz_powd1_u10purec(a, b);
}
double atan2Of(double a, double b) {
  return Sleef_cinz_atan2d1_u10purec(a, b);
}

}  // namespace optirace
