#include "sweep_axis.h"

#include <cmath>

#include "number_format.h"
#include "scenario.h"

namespace optirace {

double SweepAxis::valueAt(int i) const {
  if (count <= 1) return lo;
  double f = static_cast<double>(i) / (count - 1);
  if (i == 0) return lo;  // exact end points
  if (i == count - 1) return hi;
  if (logarithmic) return std::exp(std::log(lo) + f * (std::log(hi) - std::log(lo)));
  return lo + f * (hi - lo);
}

std::string SweepAxis::name() const {
  switch (quantity) {
    case Quantity::StartX:
      return "start_x";
    case Quantity::StartY:
      return "start_y";
    case Quantity::Hyper:
      return std::string(hyperInfo(hyper).name);
    case Quantity::Schedule:
      return std::string(scheduleParamInfo(scheduleParam).name);
    case Quantity::SurfaceParam:
      return surfaceParam;
  }
  return "?";
}

std::string sweepableNames(const Surface* surface) {
  std::string names;
  for (const HyperInfo& info : allHyperInfos())
    if (!info.isFlag) names.append(info.name).append(", ");
  for (const ScheduleParamInfo& info : allScheduleParams()) names.append(info.name).append(", ");
  if (surface)
    for (const SurfaceParamDef& p : surface->def().params) names.append(p.name).append(", ");
  return names + "start_x, start_y";
}

namespace {
bool hasParam(const Surface& surface, const std::string& name) {
  for (const SurfaceParamDef& p : surface.def().params)
    if (p.name == name) return true;
  return false;
}
}  // namespace

SweepAxis parseSweepAxis(const std::string& flag, const std::string& text, const Surface* surface) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (true) {
    std::size_t colon = text.find(':', pos);
    parts.push_back(text.substr(pos, colon - pos));
    if (colon == std::string::npos) break;
    pos = colon + 1;
  }
  auto bad = [&](const std::string& why) {
    return InputError(flag + ": '" + text + "' " + why +
                      " (form NAME:LO:HI:lin|log:COUNT, e.g. lr:1e-4:1:log:256)");
  };
  if (parts.size() != 5) throw bad("is not an axis");
  SweepAxis axis;
  if (parts[0] == "start_x" || parts[0] == "x")
    axis.quantity = SweepAxis::Quantity::StartX;
  else if (parts[0] == "start_y" || parts[0] == "y")
    axis.quantity = SweepAxis::Quantity::StartY;
  else if (auto id = hyperIdByName(parts[0]); id && !hyperInfo(*id).isFlag)
    axis.hyper = *id;
  else if (auto param = scheduleParamByName(parts[0])) {
    axis.quantity = SweepAxis::Quantity::Schedule;
    axis.scheduleParam = *param;
  } else if (surface && hasParam(*surface, parts[0])) {
    axis.quantity = SweepAxis::Quantity::SurfaceParam;
    axis.surfaceParam = parts[0];
  } else
    throw bad("names no sweepable quantity (" + sweepableNames(surface) + ")");
  auto lo = parseFiniteDouble(parts[1]), hi = parseFiniteDouble(parts[2]);
  if (!lo || !hi) throw bad("has a bound that is not a finite number");
  if (!(*lo < *hi)) throw bad("needs LO < HI");
  if (parts[3] != "lin" && parts[3] != "log") throw bad("needs lin or log");
  axis.logarithmic = parts[3] == "log";
  if (axis.logarithmic && *lo <= 0) throw bad("needs LO > 0 on a log axis");
  auto count = parseInteger(parts[4]);
  if (!count || *count < 1 || *count > 4096) throw bad("needs a COUNT in [1, 4096]");
  axis.lo = *lo;
  axis.hi = *hi;
  axis.count = static_cast<int>(*count);
  return axis;
}

double axisValueOf(const SweepAxis& axis, const RacerSpec& racer, const Surface& surface) {
  switch (axis.quantity) {
    case SweepAxis::Quantity::SurfaceParam:
      return surface.param(axis.surfaceParam);
    case SweepAxis::Quantity::StartX:
      return racer.start.x;
    case SweepAxis::Quantity::StartY:
      return racer.start.y;
    case SweepAxis::Quantity::Hyper:
      return racer.hyper.get(axis.hyper);
    case SweepAxis::Quantity::Schedule:
      return racer.schedule.value(axis.scheduleParam);
  }
  return NAN;
}

void setAxisValue(const SweepAxis& axis, double value, RacerSpec& racer) {
  switch (axis.quantity) {
    case SweepAxis::Quantity::StartX:
      racer.start.x = value;
      break;
    case SweepAxis::Quantity::StartY:
      racer.start.y = value;
      break;
    case SweepAxis::Quantity::Hyper:
      racer.hyper.set(axis.hyper, value);
      break;
    case SweepAxis::Quantity::Schedule:
      racer.schedule.set(axis.scheduleParam, value);
      break;
    case SweepAxis::Quantity::SurfaceParam:
      break;  // the surface's, not the racer's
  }
}

void setAxisValue(const SweepAxis& axis, double value, RacerSpec& racer, Surface& surface) {
  setAxisValue(axis, value, racer);
  if (!axis.isSurfaceParam()) return;
  if (auto error = surface.setParam(axis.surfaceParam, value)) throw InputError(*error);
}

bool racerTakes(const SweepAxis& axis, const RacerSpec& racer) {
  if (axis.quantity == SweepAxis::Quantity::Schedule)
    return racer.schedule.takes(axis.scheduleParam);
  if (axis.quantity != SweepAxis::Quantity::Hyper) return true;
  const OptimizerDef* def = findOptimizer(racer.optimizer);
  return def && def->usesHyper(axis.hyper);
}

}  // namespace optirace
