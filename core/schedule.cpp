#include "schedule.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "number_format.h"
#include "scenario.h"

namespace optirace {

namespace {
constexpr double kRequired = NAN;

const std::vector<ScheduleParamInfo> kParams = {
    {ScheduleParam::StepSize, "step_size", "step_size >= 1",
     "steps between two multiplications by γ", 1, 1000, true},
    {ScheduleParam::Gamma, "gamma", "0 < gamma <= 1", "factor per step (or per step_size steps)",
     0.5, 1.0, false},
    {ScheduleParam::TMax, "t_max", "t_max >= 1 (warmup_cosine: t_max > warmup)",
     "step at which the cosine reaches eta_min", 1, 10000, true},
    {ScheduleParam::EtaMin, "eta_min", "eta_min >= 0", "the learning rate the cosine ends at", 0, 1,
     false},
    {ScheduleParam::Warmup, "warmup", "warmup >= 1", "steps over which η rises linearly from 0", 1,
     1000, true},
};

const std::vector<ScheduleInfo> kSchedules = {
    {ScheduleKind::Constant, "constant", "Constant", "ηₜ = η", {}},
    {ScheduleKind::Step,
     "step",
     "Step decay",
     "ηₜ = η·γ^⌊k / step_size⌋",
     {{ScheduleParam::StepSize, kRequired}, {ScheduleParam::Gamma, 0.1}}},
    {ScheduleKind::Exponential,
     "exponential",
     "Exponential decay",
     "ηₜ = η·γᵏ",
     {{ScheduleParam::Gamma, kRequired}}},
    {ScheduleKind::Cosine,
     "cosine",
     "Cosine annealing",
     "ηₜ = η_min + (η − η_min)·(1 + cos(π·min(k, T)/T))/2",
     {{ScheduleParam::TMax, kRequired}, {ScheduleParam::EtaMin, 0.0}}},
    {ScheduleKind::Warmup,
     "warmup",
     "Linear warmup",
     "ηₜ = η·min(1, k / warmup)",
     {{ScheduleParam::Warmup, kRequired}}},
    {ScheduleKind::WarmupCosine,
     "warmup_cosine",
     "Warmup + cosine",
     "k < W: ηₜ = η·k/W;  else η_min + (η − η_min)·(1 + cos πp)/2,\n"
     "p = min(1, (k − W)/(T − W))",
     {{ScheduleParam::Warmup, kRequired},
      {ScheduleParam::TMax, kRequired},
      {ScheduleParam::EtaMin, 0.0}}},
};

const ScheduleParamUse* useOf(const Schedule& s, ScheduleParam p) {
  for (const ScheduleParamUse& use : scheduleInfo(s.kind).params)
    if (use.param == p) return &use;
  return nullptr;
}
}  // namespace

const std::vector<ScheduleInfo>& allSchedules() {
  return kSchedules;
}
const ScheduleInfo& scheduleInfo(ScheduleKind kind) {
  return kSchedules[static_cast<size_t>(kind)];
}
const ScheduleInfo* findSchedule(std::string_view name) {
  for (const ScheduleInfo& info : kSchedules)
    if (info.name == name) return &info;
  return nullptr;
}
const std::vector<ScheduleParamInfo>& allScheduleParams() {
  return kParams;
}
const ScheduleParamInfo& scheduleParamInfo(ScheduleParam id) {
  return kParams[static_cast<size_t>(id)];
}
std::optional<ScheduleParam> scheduleParamByName(std::string_view name) {
  for (const ScheduleParamInfo& info : kParams)
    if (info.name == name) return info.id;
  return std::nullopt;
}
std::string scheduleNameList() {
  std::string out;
  for (const ScheduleInfo& info : kSchedules) out.append(out.empty() ? "" : ", ").append(info.name);
  return out;
}

std::string scheduleParamList(const ScheduleInfo& info) {
  std::string taken;
  for (const ScheduleParamUse& use : info.params)
    taken.append(taken.empty() ? "" : ", ").append(scheduleParamInfo(use.param).name);
  return taken.empty() ? "none" : taken;
}

bool Schedule::takes(ScheduleParam p) const {
  return useOf(*this, p) != nullptr;
}

double Schedule::value(ScheduleParam p) const {
  double v = given[static_cast<int>(p)];
  if (!std::isnan(v)) return v;
  const ScheduleParamUse* use = useOf(*this, p);
  return use ? use->defaultValue : NAN;
}

bool Schedule::operator==(const Schedule& o) const {
  if (kind != o.kind) return false;
  for (const ScheduleParamUse& use : scheduleInfo(kind).params)
    if (value(use.param) != o.value(use.param)) return false;
  return true;
}

ScheduleTerms scheduleTerms(const Schedule& s, long k) {
  const double kd = static_cast<double>(k);
  auto halfCosine = [](double fraction) {  // (1 + cos πf)/2
    return (1.0 + std::cos(std::numbers::pi * fraction)) / 2.0;
  };
  switch (s.kind) {
    case ScheduleKind::Constant:
      return {};
    case ScheduleKind::Step:
      return {0.0, std::pow(s.value(ScheduleParam::Gamma),
                            std::floor(kd / s.value(ScheduleParam::StepSize)))};
    case ScheduleKind::Exponential:
      return {0.0, std::pow(s.value(ScheduleParam::Gamma), kd)};
    case ScheduleKind::Cosine: {
      double tMax = s.value(ScheduleParam::TMax);
      return {s.value(ScheduleParam::EtaMin), halfCosine(std::min(kd, tMax) / tMax)};
    }
    case ScheduleKind::Warmup:
      return {0.0, std::min(1.0, kd / s.value(ScheduleParam::Warmup))};
    case ScheduleKind::WarmupCosine: {
      double warmup = s.value(ScheduleParam::Warmup), tMax = s.value(ScheduleParam::TMax);
      if (kd < warmup) return {0.0, kd / warmup};
      double p = std::min(1.0, (kd - warmup) / (tMax - warmup));
      return {s.value(ScheduleParam::EtaMin), halfCosine(p)};
    }
  }
  return {};
}

bool scheduleValueValid(ScheduleParam p, double v) {
  if (!std::isfinite(v)) return false;
  switch (p) {
    case ScheduleParam::StepSize:
    case ScheduleParam::TMax:
    case ScheduleParam::Warmup:
      return v >= 1.0;
    case ScheduleParam::Gamma:
      return v > 0.0 && v <= 1.0;
    case ScheduleParam::EtaMin:
      return v >= 0.0;
  }
  return false;
}

std::optional<std::string> validateSchedule(const Schedule& s) {
  const ScheduleInfo& info = scheduleInfo(s.kind);
  for (const ScheduleParamInfo& param : kParams) {
    bool given = !std::isnan(s.given[static_cast<int>(param.id)]);
    if (given && !s.takes(param.id))
      return std::string(info.name) + " takes no " + std::string(param.name) + " (it takes " +
             scheduleParamList(info) + ")";
  }
  for (const ScheduleParamUse& use : info.params) {
    const ScheduleParamInfo& param = scheduleParamInfo(use.param);
    double v = s.value(use.param);
    if (std::isnan(v))
      return std::string(info.name) + " needs " + std::string(param.name) + " (" +
             std::string(param.range) + ")";
    if (!scheduleValueValid(use.param, v))
      return std::string(param.name) + " must satisfy " + std::string(param.range) + " (got " +
             formatNumber(v) + ")";
  }
  if (s.kind == ScheduleKind::WarmupCosine &&
      !(s.value(ScheduleParam::TMax) > s.value(ScheduleParam::Warmup)))
    return "t_max must satisfy t_max > warmup (got t_max=" +
           formatNumber(s.value(ScheduleParam::TMax)) +
           ", warmup=" + formatNumber(s.value(ScheduleParam::Warmup)) + ")";
  return std::nullopt;
}

Schedule parseSchedule(const std::string& flag, const std::string& text) {
  std::size_t colon = text.find(':');
  std::string name = text.substr(0, colon);
  const ScheduleInfo* info = findSchedule(name);
  if (!info)
    throw InputError(flag + ": unknown schedule '" + name + "' (valid: " + scheduleNameList() +
                     ")");
  Schedule s;
  s.kind = info->kind;
  if (colon == std::string::npos) return s;
  std::string rest = text.substr(colon + 1);
  std::size_t pos = 0;
  while (pos <= rest.size()) {
    std::size_t comma = rest.find(',', pos);
    std::string item = rest.substr(pos, comma - pos);
    std::size_t eq = item.find('=');
    if (eq == std::string::npos)
      throw InputError(flag + ": '" + item + "' is not key=value (form NAME:key=value,...)");
    std::string key = item.substr(0, eq);
    auto param = scheduleParamByName(key);
    if (!param || !s.takes(*param))
      throw InputError(flag + ": " + name + " takes no parameter '" + key + "' (it takes " +
                       scheduleParamList(*info) + ")");
    if (!std::isnan(s.given[static_cast<int>(*param)]))
      throw InputError(flag + ": " + key + " is given twice");
    auto v = parseFiniteDouble(item.substr(eq + 1));
    if (!v)
      throw InputError(flag + ": " + key + " must be a finite number (" +
                       std::string(scheduleParamInfo(*param).range) + ")");
    s.set(*param, *v);
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return s;
}

std::string formatSchedule(const Schedule& s) {
  const ScheduleInfo& info = scheduleInfo(s.kind);
  std::string out(info.name);
  char sep = ':';
  for (const ScheduleParamUse& use : info.params) {
    double v = s.given[static_cast<int>(use.param)];
    if (std::isnan(v)) continue;
    out.append(1, sep).append(scheduleParamInfo(use.param).name).append("=");
    out += formatNumber(v);
    sep = ',';
  }
  return out;
}

}  // namespace optirace
