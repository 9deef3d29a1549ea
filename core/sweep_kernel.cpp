#include "sweep_kernel.h"

#include "sweep_kernel_parts.h"

namespace optirace {

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
