// What the sweep kernel's three compiled variants (core/sweep_kernel_*.cpp, each including
// core/sweep_block.inc for its instruction set) share, and their entry points. Internal to
// core/sweep_kernel*.cpp. The variant files include every header before their `#pragma GCC
// target`, so the inline functions of those headers stay plain x86-64 code: only the
// functions defined after the pragma, in the variant's own namespace, use the wider
// instructions, and the linker can never hand a plain-x86-64 caller an AVX-512 copy. (The
// optimizer and surface templates are instantiated with the variant's own Lane type, so their
// instances are the variant's own functions.)
#pragma once

#include <immintrin.h>
#include <sleef.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "noise.h"
#include "optimizer_run.h"
#include "optimizers/list.h"
#include "sleef_wide.h"
#include "surfaces/list.h"
#include "surfaces/typed.h"
#include "sweep.h"

namespace optirace::sweep_parts {

// One per compiled variant: runs cells [first, first + count) into out.
void runCellsBaseline(const SweepSpec& spec, int first, int count, SweepCell* out);
void runCellsAvx2(const SweepSpec& spec, int first, int count, SweepCell* out);
void runCellsAvx512(const SweepSpec& spec, int first, int count, SweepCell* out);

}  // namespace optirace::sweep_parts
