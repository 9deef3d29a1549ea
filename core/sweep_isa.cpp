// The kernel's instruction sets by name and by what the processor runs. Apart from the kernel's
// variants (sweep_kernel*.cpp): the command line names them when it checks --isa, where the
// variants themselves need not be linked (fuzz/argv_fuzzer.cpp).
#include "sweep_isa.h"

#include <algorithm>
#include <cctype>

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

std::optional<SweepIsa> sweepIsaNamed(std::string_view name) {
  for (SweepIsa isa : {SweepIsa::Baseline, SweepIsa::Avx2, SweepIsa::Avx512}) {
    std::string_view known = sweepIsaName(isa);
    if (name.size() == known.size() &&
        std::equal(name.begin(), name.end(), known.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        }))
      return isa;
  }
  return std::nullopt;
}

std::string sweepIsaNameList(const std::vector<SweepIsa>& isas) {
  std::string list;
  for (SweepIsa isa : isas) list += (list.empty() ? "" : ", ") + std::string(sweepIsaName(isa));
  return list;
}

}  // namespace optirace
