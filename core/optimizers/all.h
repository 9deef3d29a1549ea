// Every optimizer definition the registry lists; each lives in its own file.
#pragma once

#include "../optimizer.h"

namespace optirace::optimizers {
extern const OptimizerDef sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, nadam, radam,
    adamax, adadelta, lion, amsgrad;
}  // namespace optirace::optimizers
