// One of core/optimizers/' update rules applied to a whole parameter vector (a network's
// weights and biases): the same templates as the race's, instantiated with ParamLanes over
// Vec2T blocks of eight parameters (param_lanes.h). Nothing of an update rule is written here.
#pragma once

#include <memory>
#include <span>

#include "../optimizer.h"

namespace optirace {

class ParameterOptimizer {
 public:
  virtual ~ParameterOptimizer() = default;

  // Whether step t's gradient is taken at w itself (else at gradientPoint's look-ahead).
  virtual bool gradientAtW() const = 0;
  // Where the next step's gradient is taken, written into point (w's size).
  virtual void gradientPoint(const Hyper& h, std::span<const double> w,
                             std::span<double> point) const = 0;
  // Step t (counted from 1, ηₜ in h.lr) with gradient g, as the race's OptimizerRun hands it
  // over (clipped, coupled decay added): updates w in place.
  virtual void step(const Hyper& h, long t, std::span<const double> g, std::span<double> w) = 0;
};

// The optimizer of row def for parameterCount parameters, its memory at the start.
std::unique_ptr<ParameterOptimizer> makeParameterOptimizer(const OptimizerDef& def,
                                                           int parameterCount);

}  // namespace optirace
