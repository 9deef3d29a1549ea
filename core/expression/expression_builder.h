// Builds a tape while the parser reads: each operation becomes an instruction unless its
// operands are all numbers (then it is folded to its value, computed by the same code that
// evaluates the tape, so folding never changes a result) or the same instruction exists
// already (then that one is reused). finish() drops what folding left unused.
#pragma once

#include <map>
#include <string>
#include <tuple>

#include "expression_tape.h"

namespace optirace {

class TapeBuilder {
 public:
  int constant(double value);
  int variable(ExprOp op);                         // X or Y
  int param(const std::string& name, int column);  // column: where it is used (its first)
  bool hasParam(const std::string& name) const;
  int paramCount() const { return static_cast<int>(tape_.params.size()); }
  int unary(ExprOp op, int a);
  int binary(ExprOp op, int a, int b);
  int power(int base, int exponent);  // PowerConstant when the exponent is a number

  // The tape computing instruction `root`, holding only what root depends on.
  ExprTape finish(int root) const;

 private:
  using Key = std::tuple<ExprOp, int, int, std::uint64_t>;
  int add(const ExprInstruction& in);
  bool isNumber(int i) const { return tape_.code[i].op == ExprOp::Constant; }
  int fold(const ExprInstruction& in);

  ExprTape tape_;
  std::map<Key, int> seen_;
};

}  // namespace optirace
