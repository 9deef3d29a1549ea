// The fast path of a sweep: blocks of cells stepped together in structure-of-arrays form so the
// compiler vectorises across cells (AVX-512 or AVX2 chosen at run time where the processor has
// it, plain x86-64 otherwise). It runs the race engine's own optimizer and surface templates on
// vectors of cells, so every cell's numbers equal runSweepCell's (and a race's) bit for bit, for
// every optimizer and surface; a test holds them equal.
#pragma once

#include <vector>

#include "sweep.h"
#include "sweep_isa.h"

namespace optirace {

// Runs the cells with flat indices [first, first + count) (index = iy · x.count + ix) into out.
void runSweepCellsFast(const SweepSpec& spec, int first, int count, SweepCell* out,
                       SweepIsa isa = bestSweepIsa());

}  // namespace optirace
