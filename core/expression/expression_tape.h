// A surface typed as an expression in x and y (ENGINE.md, "Surfaces typed as expressions"),
// compiled to a tape: a flat list of instructions, each reading only results of earlier ones,
// the last one being f. Constants are folded and repeated subexpressions share one
// instruction while compiling, so the tape is what evaluation costs. expression_eval.h
// evaluates it over any number type (double for the race, the sweep kernel's lanes).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace optirace {

enum class ExprOp : std::uint8_t {
  Constant,  // the instruction's constant
  X,
  Y,
  Param,  // parameter number a
  Negate,
  Add,
  Subtract,
  Multiply,
  Divide,
  Square,         // a^2: the commonest power, its own instruction (no test of c when run)
  PowerConstant,  // a^c for a number c known when compiling, as torch's pow(tensor, scalar)
  Power,          // a^b for an exponent that varies, as torch's pow(tensor, tensor)
  Sin,
  Cos,
  Tan,
  Asin,
  Acos,
  Atan,
  Sinh,
  Cosh,
  Tanh,
  Exp,
  Log,
  Log10,
  Sqrt,
  Abs,
  Atan2,  // atan2(a, b): the angle of the point (b, a)
  Min,
  Max,
};

struct ExprInstruction {
  ExprOp op = ExprOp::Constant;
  int a = -1, b = -1;     // operands: indices of earlier instructions (a: Param's number)
  double constant = 0.0;  // Constant's value, PowerConstant's exponent
};

struct ExprTape {
  std::vector<ExprInstruction> code;  // the last instruction is f
  std::vector<std::string> params;    // the parameters' names, in order of first use
  std::vector<int> paramColumns;      // the column of each one's first use (for messages)
  // The first uniformCount instructions read neither x nor y (parameters and what is made of
  // them): the same at every point, so the sweep kernel computes them once per block.
  int uniformCount = 0;
};

// A malformed expression: the message says what and where, e.g. "unexpected ')' at column 14";
// column counts characters (UTF-8 sequences as one) from 1.
class ExpressionError : public std::runtime_error {
 public:
  ExpressionError(const std::string& message, int column)
      : std::runtime_error(message), column_(column) {}
  int column() const { return column_; }

 private:
  int column_;
};

inline constexpr std::size_t kMaxExpressionLength = 1 << 20;  // characters
inline constexpr int kMaxExpressionNesting = 200;  // parentheses, calls and exponents inside others

// Parses and compiles `text`; throws ExpressionError.
ExprTape compileExpression(std::string_view text);

// The grammar in a few lines, for `optirace list` and the window's help.
std::string expressionGrammarText();

// The function names the grammar knows, e.g. for a dictionary of the fuzzer.
const std::vector<std::string_view>& expressionFunctionNames();

}  // namespace optirace
