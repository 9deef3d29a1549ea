#include "sweep_kernel.h"

#include "sweep_kernel_parts.h"

namespace optirace {

std::vector<SweepIsa> supportedSweepIsas() {
  std::vector<SweepIsa> isas{SweepIsa::Baseline};
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) isas.push_back(SweepIsa::Avx2);
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512dq"))
    isas.push_back(SweepIsa::Avx512);
  return isas;
}

SweepIsa bestSweepIsa() {
  static const SweepIsa best = supportedSweepIsas().back();
  return best;
}

const char* sweepIsaName(SweepIsa isa) {
  switch (isa) {
    case SweepIsa::Baseline:
      return "x86-64";
    case SweepIsa::Avx2:
      return "AVX2";
    case SweepIsa::Avx512:
      return "AVX-512";
  }
  return "?";
}

void runSweepCellsFast(const SweepSpec& spec, int first, int count, SweepCell* out, SweepIsa isa) {
  switch (isa) {
    case SweepIsa::Avx512:
      return sweep_parts::runCellsAvx512(spec, first, count, out);
    case SweepIsa::Avx2:
      return sweep_parts::runCellsAvx2(spec, first, count, out);
    case SweepIsa::Baseline:
      return sweep_parts::runCellsBaseline(spec, first, count, out);
  }
}

}  // namespace optirace
