// The optimizers, in the order the UI lists them: adding one is its header and a row here.
#pragma once

#include "adadelta.h"
#include "adagrad.h"
#include "adam.h"
#include "adamax.h"
#include "adamw.h"
#include "amsgrad.h"
#include "lion.h"
#include "momentum.h"
#include "nadam.h"
#include "nesterov.h"
#include "radam.h"
#include "rmsprop.h"
#include "sgd.h"

namespace optirace::optimizers {

template <class... Types>
struct TypeList {};

using All = TypeList<Sgd, Momentum, Nesterov, Adagrad, Rmsprop, Adam, AdamW, Amsgrad, Nadam, Radam,
                     Adamax, Adadelta, Lion>;

}  // namespace optirace::optimizers
