// The hyperparameter flags `run` and `sweep` share: --lr, --beta1, --beta2, --eps,
// --weight-decay, --dampening, --clip-norm, --amsgrad, --no-bias-correction and --schedule, each
// validated against the chosen optimizer.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "hyper.h"
#include "optimizer.h"
#include "schedule.h"

namespace optirace::cli {

std::string hyperFlagName(HyperId id);  // "--weight-decay"

struct HyperFlags {
  std::string values[kHyperCount];  // by HyperId; empty: not given
  bool amsgrad = false;
  bool noBiasCorrection = false;
  std::string schedule;  // NAME[:key=value,...]; empty: constant

  // Registers the flags on a subcommand; `what` prefixes each description ("fixed ", "").
  void addTo(CLI::App& cmd, const std::string& what);
  bool anyGiven() const;
  // The optimizer's defaults with the given flags applied. Throws InputError naming the flag
  // when it is not a number, out of range, or not used by that optimizer.
  Hyper resolve(const OptimizerDef& def) const;
  // The schedule as given (parameters a sweep sweeps may be missing: validateSweep checks).
  Schedule resolveSchedule() const;
};

}  // namespace optirace::cli
