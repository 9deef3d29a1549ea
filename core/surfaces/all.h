// Every surface definition the catalogue lists; each lives in its own file.
#pragma once

#include "../surface.h"

namespace optirace::surfaces {
extern const SurfaceDef quadratic, rosenbrock, beale, himmelblau, saddle, rastrigin, styblinskiTang,
    sixHumpCamel;
}  // namespace optirace::surfaces
