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

// A row of tick labels kept apart: given each label's extent along its axis in the ticks'
// order, take() says whether it clears the last label taken by `gap`. A plot smaller than its
// labels (a projector's 720 p at 200 %) then shows fewer of them, never one over another.
class LabelRow {
 public:
  explicit LabelRow(float gap) : gap_(gap) {}
  // True where [lo, hi] clears the last label taken, which it then becomes.
  bool take(float lo, float hi) {
    if (taken_ && lo < lastHi_ + gap_ && hi > lastLo_ - gap_) return false;
    taken_ = true, lastLo_ = lo, lastHi_ = hi;
    return true;
  }

 private:
  float gap_;
  bool taken_ = false;
  float lastLo_ = 0, lastHi_ = 0;
};

}  // namespace optirace
