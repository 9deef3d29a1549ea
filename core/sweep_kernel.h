// The fast path of a sweep: blocks of cells stepped together in structure-of-arrays form so the
// compiler vectorises across cells (AVX-512 or AVX2 chosen at run time where the processor has
// it, plain x86-64 otherwise). It runs the race engine's own optimizer and surface templates on
// vectors of cells, so every cell's numbers equal runSweepCell's (and a race's) bit for bit, for
// every optimizer and surface; a test holds them equal.
#pragma once

#include <vector>

#include "sweep.h"

namespace optirace {

// The instruction sets the kernel is compiled for; every one gives the same bits.
enum class SweepIsa { Baseline, Avx2, Avx512 };
std::vector<SweepIsa> supportedSweepIsas();  // on this processor, Baseline first, best last
SweepIsa bestSweepIsa();
const char* sweepIsaName(SweepIsa isa);

// Runs the cells with flat indices [first, first + count) (index = iy · x.count + ix) into out.
void runSweepCellsFast(const SweepSpec& spec, int first, int count, SweepCell* out,
                       SweepIsa isa = bestSweepIsa());

}  // namespace optirace
