// The heatmap shader's twin of a typed surface, written from its tape: the same instructions
// in the same order, each a GLSL statement, with C's semantics where GLSL leaves a case open
// (pow of a negative base with an integer exponent; NaN where C gives NaN).
#pragma once

#include <string>

#include "expression_tape.h"

namespace optirace {

// GLSL defining `uniform float uK[8]` (the parameters) and `float surfaceValue(int, vec2 w)`,
// what the heatmap fragment shader calls (shaders/heatmap.frag); the index is not used.
std::string typedSurfaceGlsl(const ExprTape& tape);

}  // namespace optirace
