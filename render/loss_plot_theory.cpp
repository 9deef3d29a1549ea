#include "loss_plot_theory.h"

#include <cmath>

#include "bowl_theory.h"

namespace optirace {

namespace {
// The predicted rate and start gap of a racer, when it has a line.
bool lineOf(const Race& race, const Racer& r, double& rate, double& gap0) {
  // From the first step on: before it the plot's step axis is a unit placeholder.
  if (!r.spec().enabled || r.trajectory().points().size() < 2) return false;
  std::optional<BowlPrediction> p = predictOnBowl(r.spec(), race.scenario().surface);
  gap0 = r.trajectory().points().front().gap;
  rate = p ? p->rate : 0.0;
  return p && rate > 0 && std::isfinite(rate) && gap0 > 0 && std::isfinite(gap0) &&
         race.scenario().settings.noiseSigma == 0;  // noise: no deterministic rate to draw
}
}  // namespace

bool hasTheoryLines(const Race& race) {
  double rate, gap0;
  for (const Racer& r : race.racers())
    if (lineOf(race, r, rate, gap0)) return true;
  return false;
}

void queueTheoryLines(Drawing& batch, const Race& race, const PlotTransform& t, float scale) {
  if (!t.logY) return;
  for (const Racer& r : race.racers()) {
    double rate, gap0;
    if (!lineOf(race, r, rate, gap0)) continue;
    // log10 gap(t) = log10 gap₀ + 2t·log10 rate, from step 0 to the plot's right edge or where
    // it leaves the plot through the bottom (or, diverging, the top).
    double y0 = std::log10(gap0), slope = 2 * std::log10(rate), end = t.xMax;
    if (slope < 0 && y0 + slope * end < t.yMin) end = (t.yMin - y0) / slope;
    if (slope > 0 && y0 + slope * end > t.yMax) end = (t.yMax - y0) / slope;
    if (!(end > 0)) continue;
    PointF a{t.xToPixel(0), t.yToPixel(gap0)},
        b{t.xToPixel(end), t.yToPixel(std::pow(10.0, y0 + slope * end))};
    batch.dashedLine(clampPixel(a), clampPixel(b), Rgba::fromRgb(r.spec().colorRgb).withAlpha(0.9f),
                     1.8f * scale, 9 * scale, 6 * scale);
  }
}

}  // namespace optirace
