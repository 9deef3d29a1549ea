#include "sweep_kernel.h"

#include <numbers>

#include "sweep_kernel_parts.h"

namespace optirace {

namespace sweep_parts {

Rule ruleFor(const SweepSpec& spec) {
  const std::string& o = spec.optimizer;
  if (o == "sgd") return Rule::Sgd;
  if (o == "momentum") return Rule::Momentum;
  if (o == "adamw") return spec.hyper.amsgrad ? Rule::AdamWAmsgrad : Rule::AdamW;
  if (o == "amsgrad") return Rule::AdamAmsgrad;
  return spec.hyper.amsgrad ? Rule::AdamAmsgrad : Rule::Adam;
}

SurfaceConstants constantsFor(const Surface& surface) {
  const SurfaceParams& p = surface.params();
  SurfaceConstants k{p[0], p[1], 1.0, 0.0, surface.minimumValue()};
  if (surface.name() == "quadratic") {  // the rotation exactly as core/surfaces/quadratic.cpp
    double theta = p[2] * std::numbers::pi / 180.0;
    k.cs = std::cos(theta);
    k.sn = std::sin(theta);
  }
  return k;
}

}  // namespace sweep_parts

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

bool sweepKernelSupports(const SweepSpec& spec) {
  const std::string& o = spec.optimizer;
  bool optimizer = o == "sgd" || o == "momentum" || o == "adam" || o == "adamw" || o == "amsgrad";
  std::string_view s = spec.surface.name();
  return optimizer && (s == "quadratic" || s == "rosenbrock");
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
