// libFuzzer target: the short specs people type on the command line and in the window. The
// first byte picks one: a learning-rate schedule (--schedule NAME:key=value,...) or a sweep axis
// (--x NAME:LO:HI:lin|log:COUNT). Each is refused with an InputError or, when valid, keeps its
// promises: a schedule's ηₜ is finite and ≥ 0 at every step and its text reads back as the same
// schedule; an axis's cells are finite and start and end exactly at LO and HI.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "scenario.h"
#include "schedule.h"
#include "sweep_axis.h"

using namespace optirace;

namespace {
void checkSchedule(const std::string& text) {
  Schedule s;
  try {
    s = parseSchedule("--schedule", text);
  } catch (const InputError&) {
    return;
  }
  if (validateSchedule(s)) return;  // refused with its reason
  for (long k : {0L, 1L, 2L, 7L, 99L, 100L, 101L, 4096L, 1000000L, 1000000000L}) {
    double lr = scheduledLr(s, 0.1, k);
    if (!std::isfinite(lr) || lr < 0) std::abort();
  }
  if (!(parseSchedule("--schedule", formatSchedule(s)) == s)) std::abort();
}

void checkAxis(const std::string& text) {
  SweepAxis axis;
  try {
    axis = parseSweepAxis("--x", text);
  } catch (const InputError&) {
    return;
  }
  if (axis.valueAt(0) != axis.lo ||
      axis.valueAt(axis.count - 1) != (axis.count > 1 ? axis.hi : axis.lo))
    std::abort();
  for (int i = 0; i < axis.count; ++i)
    if (!std::isfinite(axis.valueAt(i))) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1)
    checkAxis(text);
  else
    checkSchedule(text);
  return 0;
}
