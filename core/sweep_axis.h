// One axis of a sweep: a hyperparameter, a schedule parameter, a parameter of the surface or a
// start coordinate, over a linear or logarithmic range of cells; its text form
// NAME:LO:HI:lin|log:COUNT, and how it reads and sets that quantity on a racer or the surface.
#pragma once

#include <string>

#include "hyper.h"
#include "racer.h"
#include "schedule.h"
#include "surface.h"

namespace optirace {

struct SweepAxis {
  // A hyperparameter, a parameter of the schedule, a parameter of the surface (Rosenbrock's b,
  // a typed surface's named parameters), or for a basin map the start's x or y.
  enum class Quantity { Hyper, Schedule, SurfaceParam, StartX, StartY } quantity = Quantity::Hyper;
  HyperId hyper = HyperId::Lr;
  ScheduleParam scheduleParam = ScheduleParam::Warmup;
  std::string surfaceParam;  // its name, for Quantity::SurfaceParam
  double lo = 1e-4, hi = 1.0;
  bool logarithmic = true;
  int count = 64;

  double valueAt(int i) const;
  bool isStart() const { return quantity == Quantity::StartX || quantity == Quantity::StartY; }
  bool isSurfaceParam() const { return quantity == Quantity::SurfaceParam; }
  std::string name() const;  // "lr", "beta1", …, "warmup", …, "b", …, "start_x", "start_y"
};

// Parses "lr:1e-4:1:log:256" (name:lo:hi:lin|log:count); throws InputError naming `flag`. A name
// that is no hyperparameter, schedule parameter or start coordinate may name one of `surface`'s
// parameters (the others come first: a typed surface's parameter called lr is not sweepable).
SweepAxis parseSweepAxis(const std::string& flag, const std::string& text,
                         const Surface* surface = nullptr);

// The value of an axis's quantity in a race (the racer's, or for a surface parameter the
// surface's); the racer and surface with it set; and whether the racer takes that quantity at
// all (its optimizer uses the hyperparameter; its schedule the parameter; every racer descends
// the surface). setAxisValue on a racer alone leaves a surface parameter to the caller.
double axisValueOf(const SweepAxis& axis, const RacerSpec& racer, const Surface& surface);
void setAxisValue(const SweepAxis& axis, double value, RacerSpec& racer);
// Throws InputError when the value is outside the surface parameter's range.
void setAxisValue(const SweepAxis& axis, double value, RacerSpec& racer, Surface& surface);
bool racerTakes(const SweepAxis& axis, const RacerSpec& racer);
// "lr, beta1, …, clip_norm, step_size, …, [the surface's parameters, ]start_x, start_y"
std::string sweepableNames(const Surface* surface = nullptr);

}  // namespace optirace
