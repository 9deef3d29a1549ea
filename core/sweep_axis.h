// One axis of a sweep: a hyperparameter, a schedule parameter or a start coordinate, over a
// linear or logarithmic range of cells; its text form NAME:LO:HI:lin|log:COUNT, and how it reads
// and sets that quantity on a racer.
#pragma once

#include <string>

#include "hyper.h"
#include "racer.h"
#include "schedule.h"

namespace optirace {

struct SweepAxis {
  // A hyperparameter, a parameter of the schedule, or for a basin map the start's x or y.
  enum class Quantity { Hyper, Schedule, StartX, StartY } quantity = Quantity::Hyper;
  HyperId hyper = HyperId::Lr;
  ScheduleParam scheduleParam = ScheduleParam::Warmup;
  double lo = 1e-4, hi = 1.0;
  bool logarithmic = true;
  int count = 64;

  double valueAt(int i) const;
  bool isStart() const { return quantity == Quantity::StartX || quantity == Quantity::StartY; }
  std::string name() const;  // "lr", "beta1", …, "warmup", …, "start_x", "start_y"
};

// Parses "lr:1e-4:1:log:256" (name:lo:hi:lin|log:count); throws InputError naming `flag`.
SweepAxis parseSweepAxis(const std::string& flag, const std::string& text);

// A racer's value of an axis's quantity, the racer with it set, and whether the racer takes
// that quantity at all (its optimizer uses the hyperparameter; its schedule the parameter).
double axisValueOf(const SweepAxis& axis, const RacerSpec& racer);
void setAxisValue(const SweepAxis& axis, double value, RacerSpec& racer);
bool racerTakes(const SweepAxis& axis, const RacerSpec& racer);
std::string sweepableNames();  // "lr, beta1, …, clip_norm, step_size, …, start_x, start_y"

}  // namespace optirace
