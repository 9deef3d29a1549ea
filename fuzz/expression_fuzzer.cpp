// libFuzzer target: the expressions of typed surfaces (core/expression/). Any text is either
// refused with an ExpressionError whose column lies within the text (or just past its end), or
// compiled to a tape that evaluates (f and ∇f at a few points, any values, NaN included) and
// writes its GLSL twin; and wrapping a valid text in parentheses gives the same tape.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "expression/expression_eval.h"
#include "expression/expression_glsl.h"
#include "expression/expression_tape.h"

using namespace optirace;

namespace {
int characters(const std::string& text) {
  int n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}
bool sameTape(const ExprTape& a, const ExprTape& b) {
  if (a.code.size() != b.code.size() || a.params != b.params) return false;
  for (std::size_t i = 0; i < a.code.size(); ++i) {
    const ExprInstruction &p = a.code[i], &q = b.code[i];
    if (p.op != q.op || p.a != q.a || p.b != q.b) return false;
    if (!(p.constant == q.constant) && !(p.constant != p.constant && q.constant != q.constant))
      return false;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ExprTape tape;
  try {
    tape = compileExpression(text);
  } catch (const ExpressionError& e) {
    if (e.column() < 1 || e.column() > characters(text) + 1) std::abort();
    return 0;
  }
  if (tape.code.empty()) std::abort();
  double params[kMaxSurfaceParams] = {1.0, -2.0, 0.5, 3.0, 0.0, -0.25, 7.0, 1e-3};
  std::vector<Dual<double>> duals(tape.code.size());
  for (Vec2 w : {Vec2{0.0, 0.0}, Vec2{1.5, -0.5}, Vec2{-3.0, 2.0}, Vec2{1e300, -1e-300}}) {
    double f = tapeValue<double>(tape, params, w, duals.data());
    ValueAndGradient<double> vg = tapeValueAndGradient<double>(tape, params, w, duals.data());
    // The value pass and the value-and-gradient pass compute f alike.
    if (!(f == vg.value) && !(f != f && vg.value != vg.value)) std::abort();
  }
  if (typedSurfaceGlsl(tape).empty()) std::abort();
  try {
    if (!sameTape(compileExpression("(" + text + ")"), tape)) std::abort();
  } catch (const ExpressionError&) {  // one level too deep: allowed
  }
  return 0;
}
