// Tick positions and labels for the canvas axes and the loss plot.
#pragma once

#include <string>
#include <vector>

namespace optirace {

struct Tick {
  double value;
  std::string label;
};

// About `target` ticks at 1, 2 or 5 × 10^k spacing inside [lo, hi].
std::vector<Tick> linearTicks(double lo, double hi, int target);
// One tick per decade inside [10^lo, 10^hi] (lo, hi are log10 values), labelled 1e-3 style;
// every 2nd, 3rd, … decade when there are too many.
std::vector<Tick> decadeTicks(double log10Lo, double log10Hi, int maxTicks);
// decadeTicks where the range holds two decades or more; otherwise 1, 2 and 5 times the powers
// of ten inside it ("0.02", "0.05"), so that a narrow log range still has labels.
std::vector<Tick> logTicks(double log10Lo, double log10Hi, int maxTicks);

}  // namespace optirace
