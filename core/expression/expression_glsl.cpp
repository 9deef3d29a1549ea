#include "expression_glsl.h"

#include <charconv>
#include <cmath>

#include "../surface.h"

namespace optirace {

namespace {

// C's pow for floats: GLSL's pow is undefined for a negative base (and at 0 with b ≤ 0).
constexpr const char* kHelpers = R"(float typedNan() { return uintBitsToFloat(0x7fc00000u); }
float typedInf() { return uintBitsToFloat(0x7f800000u); }
float typedPow(float a, float b) {
  if (b == 0.0) return 1.0;
  if (a == 0.0) return b > 0.0 ? 0.0 : typedInf();
  if (a > 0.0) return pow(a, b);
  if (b != floor(b)) return typedNan();
  float m = pow(-a, b);
  return mod(b, 2.0) == 1.0 ? -m : m;
}
)";

// A float literal for c: shortest round-trip text, with a point or exponent so GLSL reads it
// as float; beyond float's range, infinity (as float arithmetic would make it).
std::string literal(double c) {
  if (std::isnan(c)) return "typedNan()";
  if (std::fabs(c) > 3.4028234663852886e38) return c > 0 ? "typedInf()" : "(-typedInf())";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<float>(c));
  std::string s(buf, end);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return c < 0 ? "(" + s + ")" : s;
}

std::string powerConstant(const std::string& a, double c) {
  if (c == 2.0) return a + " * " + a;
  if (c == 3.0) return a + " * " + a + " * " + a;
  if (c == 1.0) return a;
  if (c == 0.0) return "1.0";
  if (c == -1.0) return "1.0 / " + a;
  if (c == -2.0) return "1.0 / (" + a + " * " + a + ")";
  if (c == 0.5) return "sqrt(" + a + ")";
  if (c == -0.5) return "1.0 / sqrt(" + a + ")";
  return "typedPow(" + a + ", " + literal(c) + ")";
}

std::string expressionOf(const ExprInstruction& in, const std::string& a, const std::string& b) {
  switch (in.op) {
    case ExprOp::Constant:
      return literal(in.constant);
    case ExprOp::X:
      return "w.x";
    case ExprOp::Y:
      return "w.y";
    case ExprOp::Param:
      return "uK[" + std::to_string(in.a) + "]";
    case ExprOp::Negate:
      return "-" + a;
    case ExprOp::Add:
      return a + " + " + b;
    case ExprOp::Subtract:
      return a + " - " + b;
    case ExprOp::Multiply:
      return a + " * " + b;
    case ExprOp::Divide:
      return a + " / " + b;
    case ExprOp::Square:
      return a + " * " + a;
    case ExprOp::PowerConstant:
      return powerConstant(a, in.constant);
    case ExprOp::Power:
      return "typedPow(" + a + ", " + b + ")";
    case ExprOp::Sin:
      return "sin(" + a + ")";
    case ExprOp::Cos:
      return "cos(" + a + ")";
    case ExprOp::Tan:
      return "tan(" + a + ")";
    case ExprOp::Asin:
      return "asin(" + a + ")";
    case ExprOp::Acos:
      return "acos(" + a + ")";
    case ExprOp::Atan:
      return "atan(" + a + ")";
    case ExprOp::Sinh:
      return "sinh(" + a + ")";
    case ExprOp::Cosh:
      return "cosh(" + a + ")";
    case ExprOp::Tanh:
      return "tanh(" + a + ")";
    case ExprOp::Exp:
      return "exp(" + a + ")";
    case ExprOp::Log:
      return "log(" + a + ")";
    case ExprOp::Log10:
      return "log(" + a + ") * 0.43429448190325176";
    case ExprOp::Sqrt:
      return "sqrt(" + a + ")";
    case ExprOp::Abs:
      return "abs(" + a + ")";
    case ExprOp::Atan2:
      return "atan(" + a + ", " + b + ")";
    case ExprOp::Min:
      return b + " < " + a + " ? " + b + " : " + a;
    case ExprOp::Max:
      return a + " < " + b + " ? " + b + " : " + a;
  }
  return "0.0";
}

}  // namespace

std::string typedSurfaceGlsl(const ExprTape& tape) {
  std::string out =
      "// Generated from a typed surface's tape (core/expression/expression_glsl.cpp).\n";
  out += "uniform float uK[" + std::to_string(kMaxSurfaceConstants) + "];\n";
  out += kHelpers;
  out += "float surfaceValue(int index, vec2 w) {\n";
  for (std::size_t i = 0; i < tape.code.size(); ++i) {
    const ExprInstruction& in = tape.code[i];
    bool hasOperands = in.op != ExprOp::Param && in.op != ExprOp::Constant;
    std::string a = hasOperands && in.a >= 0 ? "t" + std::to_string(in.a) : "";
    std::string b = in.b >= 0 ? "t" + std::to_string(in.b) : "";
    out.append("  float t").append(std::to_string(i)).append(" = ");
    out.append(expressionOf(in, a, b)).append(";\n");
  }
  out.append("  return t").append(std::to_string(tape.code.size() - 1)).append(";\n}\n");
  return out;
}

}  // namespace optirace
