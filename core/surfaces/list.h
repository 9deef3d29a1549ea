// The surfaces, in the order the UI lists them: adding one is its header and a row here.
#pragma once

#include "beale.h"
#include "himmelblau.h"
#include "quadratic.h"
#include "rastrigin.h"
#include "rosenbrock.h"
#include "saddle.h"
#include "six_hump_camel.h"
#include "styblinski_tang.h"

namespace optirace::surfaces {

template <class... Types>
struct TypeList {};

using All = TypeList<Quadratic, Rosenbrock, Beale, Himmelblau, Saddle, Rastrigin, StyblinskiTang,
                     SixHumpCamel>;

}  // namespace optirace::surfaces
