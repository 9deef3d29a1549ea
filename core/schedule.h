// Learning-rate schedules (ENGINE.md, "Learning-rate schedules"): step t uses ηₜ = η·s(k) with
// k = t − 1, the steps already taken, as PyTorch's scheduler.step() after optimizer.step().
// A schedule is written as ηₜ = offset + (η − offset)·scale with offset and scale depending only
// on the schedule and k: the race computes them once a step, the sweep kernel once a step for a
// block whose cells share the schedule, and both apply the same two operations to η.
#pragma once

#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace optirace {

enum class ScheduleKind { Constant, Step, Exponential, Cosine, Warmup, WarmupCosine };
enum class ScheduleParam { StepSize, Gamma, TMax, EtaMin, Warmup };
inline constexpr int kScheduleParamCount = 5;

// One schedule parameter as users see it; the ranges the window drags and sweeps start with.
struct ScheduleParamInfo {
  ScheduleParam id;
  std::string_view name;   // "step_size", … (CLI, JSON and sweep axes)
  std::string_view range;  // e.g. "gamma in (0, 1]"
  std::string_view role;
  double dragLo, dragHi;
  bool logarithmic;
};

struct ScheduleParamUse {
  ScheduleParam param;
  double defaultValue;  // NaN: required
};

struct ScheduleInfo {
  ScheduleKind kind;
  std::string_view name;     // "warmup_cosine"
  std::string_view title;    // "Warmup + cosine"
  std::string_view formula;  // ηₜ as the window shows it
  std::vector<ScheduleParamUse> params;
};

const std::vector<ScheduleInfo>& allSchedules();
const ScheduleInfo& scheduleInfo(ScheduleKind kind);
const ScheduleInfo* findSchedule(std::string_view name);
const std::vector<ScheduleParamInfo>& allScheduleParams();
const ScheduleParamInfo& scheduleParamInfo(ScheduleParam id);
std::optional<ScheduleParam> scheduleParamByName(std::string_view name);
std::string scheduleNameList();  // "constant, step, …"
// "warmup, t_max, eta_min": the parameters a schedule takes ("none" for constant).
std::string scheduleParamList(const ScheduleInfo& info);

struct Schedule {
  ScheduleKind kind = ScheduleKind::Constant;
  // By ScheduleParam; NaN where not given (the kind's default then applies, or it is missing).
  std::array<double, kScheduleParamCount> given{NAN, NAN, NAN, NAN, NAN};

  bool isConstant() const { return kind == ScheduleKind::Constant; }
  bool takes(ScheduleParam p) const;
  double value(ScheduleParam p) const;  // the given value, else the kind's default
  void set(ScheduleParam p, double v) { given[static_cast<int>(p)] = v; }
  bool operator==(const Schedule& o) const;
};

// What a step's ηₜ is made of: ηₜ = offset + (η − offset)·scale.
struct ScheduleTerms {
  double offset = 0.0, scale = 1.0;
};
// The terms of the step that follows k steps taken. The schedule is valid (validateSchedule).
ScheduleTerms scheduleTerms(const Schedule& s, long k);

// ηₜ from a step's terms: the race's double and the sweep's lanes do these same two roundings.
template <class T>
T scheduledLr(T offset, T scale, T lr) {
  return offset + (lr - offset) * scale;
}
inline double scheduledLr(const Schedule& s, double lr, long k) {
  if (s.isConstant()) return lr;
  ScheduleTerms terms = scheduleTerms(s, k);
  return scheduledLr(terms.offset, terms.scale, lr);
}

// The first problem of a schedule as "t_max must satisfy t_max > warmup (got 50)" (a parameter
// missing, not taken by the kind, or out of range), or nothing.
std::optional<std::string> validateSchedule(const Schedule& s);
// Whether v is in the parameter's own range (the cross-parameter rule t_max > warmup aside).
bool scheduleValueValid(ScheduleParam p, double v);

// Parses "NAME[:key=value,...]"; throws InputError("FLAG: …") on an unknown name, an unknown
// or repeated parameter, or a value that is not a finite number. Missing and out-of-range values
// are validateSchedule's (a sweep supplies the swept one).
Schedule parseSchedule(const std::string& flag, const std::string& text);
std::string formatSchedule(const Schedule& s);  // "warmup_cosine:warmup=100,t_max=2000"

}  // namespace optirace
