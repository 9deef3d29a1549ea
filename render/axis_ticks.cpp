#include "axis_ticks.h"

#include <cmath>
#include <cstdio>

namespace optirace {

std::vector<Tick> linearTicks(double lo, double hi, int target) {
  std::vector<Tick> ticks;
  if (!(hi > lo) || target < 1) return ticks;
  double raw = (hi - lo) / target;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= raw) {
      step = m * magnitude;
      break;
    }
  int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k += 1.0) {
    double v = k * step;
    if (std::fabs(v) < 1e-12 * step) v = 0.0;
    char buf[32];
    if (std::fabs(v) >= 1e5 || (std::fabs(v) < 1e-4 && v != 0.0))
      std::snprintf(buf, sizeof buf, "%.3g", v);
    else
      std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    ticks.push_back({v, buf});
  }
  return ticks;
}

std::vector<Tick> decadeTicks(double log10Lo, double log10Hi, int maxTicks) {
  std::vector<Tick> ticks;
  int first = static_cast<int>(std::ceil(log10Lo - 1e-9)),
      last = static_cast<int>(std::floor(log10Hi + 1e-9));
  if (last < first) return ticks;
  int every = std::max(1, (last - first) / std::max(maxTicks, 1) + 1);
  for (int e = first; e <= last; ++e) {
    if ((e - first) % every != 0) continue;
    char buf[16];
    if (e == 0)
      std::snprintf(buf, sizeof buf, "1");
    else if (e == 1)
      std::snprintf(buf, sizeof buf, "10");
    else
      std::snprintf(buf, sizeof buf, "1e%d", e);
    ticks.push_back({static_cast<double>(e), buf});
  }
  return ticks;
}

std::vector<Tick> logTicks(double log10Lo, double log10Hi, int maxTicks) {
  std::vector<Tick> decades = decadeTicks(log10Lo, log10Hi, maxTicks);
  if (decades.size() >= 2) return decades;
  // Less than two decades: 1, 2 and 5 times each power of ten inside.
  std::vector<Tick> ticks;
  for (int e = static_cast<int>(std::floor(log10Lo)); e <= static_cast<int>(std::ceil(log10Hi));
       ++e)
    for (double m : {1.0, 2.0, 5.0}) {
      double at = e + std::log10(m);
      if (at < log10Lo - 1e-9 || at > log10Hi + 1e-9) continue;
      char buf[24];
      std::snprintf(buf, sizeof buf, "%g", m * std::pow(10.0, e));
      ticks.push_back({at, buf});
    }
  if (ticks.size() < decades.size()) return decades;
  // Too many for the room: every second or third of them, the decade marks kept first.
  std::size_t every = (ticks.size() + std::max(maxTicks, 1) - 1) / std::max(maxTicks, 1);
  if (every <= 1) return ticks;
  std::vector<Tick> thinned;
  for (std::size_t i = 0; i < ticks.size(); i += every) thinned.push_back(ticks[i]);
  return thinned;
}

}  // namespace optirace
