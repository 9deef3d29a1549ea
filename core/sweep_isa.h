// The instruction sets the sweep kernel is compiled for (core/sweep_kernel_*.cpp); every one
// gives the same bits, the widest this processor runs is the fastest.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace optirace {

enum class SweepIsa { Baseline, Avx2, Avx512 };
std::vector<SweepIsa> supportedSweepIsas();  // on this processor, Baseline first, best last
SweepIsa bestSweepIsa();
const char* sweepIsaName(SweepIsa isa);                           // "x86-64", "AVX2", "AVX-512"
std::optional<SweepIsa> sweepIsaNamed(std::string_view name);     // its name, in any case
std::string sweepIsaNameList(const std::vector<SweepIsa>& isas);  // "x86-64, AVX2"

}  // namespace optirace
