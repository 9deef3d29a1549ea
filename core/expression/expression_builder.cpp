#include "expression_builder.h"

#include <bit>
#include <cmath>

#include "expression_eval.h"

namespace optirace {

int TapeBuilder::add(const ExprInstruction& in) {
  Key key{in.op, in.a, in.b, std::bit_cast<std::uint64_t>(in.constant)};
  auto [it, inserted] = seen_.try_emplace(key, static_cast<int>(tape_.code.size()));
  if (inserted) tape_.code.push_back(in);
  return it->second;
}

int TapeBuilder::constant(double value) {
  return add({ExprOp::Constant, -1, -1, value});
}

int TapeBuilder::variable(ExprOp op) {
  return add({op, -1, -1, 0.0});
}

bool TapeBuilder::hasParam(const std::string& name) const {
  for (const std::string& p : tape_.params)
    if (p == name) return true;
  return false;
}

int TapeBuilder::param(const std::string& name, int column) {
  int index = 0;
  while (index < paramCount() && tape_.params[index] != name) ++index;
  if (index == paramCount()) {
    tape_.params.push_back(name);
    tape_.paramColumns.push_back(column);
  }
  return add({ExprOp::Param, index, -1, 0.0});
}

// An operation on numbers only becomes the number it evaluates to.
int TapeBuilder::fold(const ExprInstruction& in) {
  double a = in.a >= 0 ? tape_.code[in.a].constant : 0.0;
  double b = in.b >= 0 ? tape_.code[in.b].constant : 0.0;
  return constant(instructionValue(in, a, b, nullptr, Vec2{}));
}

int TapeBuilder::unary(ExprOp op, int a) {
  ExprInstruction in{op, a, -1, 0.0};
  return isNumber(a) ? fold(in) : add(in);
}

int TapeBuilder::binary(ExprOp op, int a, int b) {
  ExprInstruction in{op, a, b, 0.0};
  return isNumber(a) && isNumber(b) ? fold(in) : add(in);
}

int TapeBuilder::power(int base, int exponent) {
  if (!isNumber(exponent)) return binary(ExprOp::Power, base, exponent);
  double c = tape_.code[exponent].constant;
  ExprInstruction in{c == 2.0 ? ExprOp::Square : ExprOp::PowerConstant, base, -1, c};
  return isNumber(base) ? fold(in) : add(in);
}

ExprTape TapeBuilder::finish(int root) const {
  // Mark what root reads, then renumber the marked instructions in their order.
  std::vector<char> used(tape_.code.size(), 0);
  used[root] = 1;
  for (int i = root; i >= 0; --i) {
    if (!used[i]) continue;
    const ExprInstruction& in = tape_.code[i];
    if (in.op == ExprOp::Param) continue;
    if (in.a >= 0) used[in.a] = 1;
    if (in.b >= 0) used[in.b] = 1;
  }
  // Uniform: reads neither x nor y. Those go first (each still after what it reads, which is
  // uniform too), then the rest in their order: the sweep kernel skips the prefix once it has
  // been computed for a block.
  std::vector<char> uniform(tape_.code.size(), 0);
  for (int i = 0; i <= root; ++i) {
    const ExprInstruction& in = tape_.code[i];
    bool readsUniform =
        in.op == ExprOp::Param || ((in.a < 0 || uniform[in.a]) && (in.b < 0 || uniform[in.b]));
    uniform[i] = in.op != ExprOp::X && in.op != ExprOp::Y && readsUniform;
  }
  std::vector<int> renumbered(tape_.code.size(), -1);
  ExprTape out;
  out.params = tape_.params;
  out.paramColumns = tape_.paramColumns;
  for (bool prefix : {true, false})
    for (int i = 0; i <= root; ++i) {
      if (!used[i] || static_cast<bool>(uniform[i]) != prefix) continue;
      ExprInstruction in = tape_.code[i];
      if (in.op != ExprOp::Param && in.a >= 0) in.a = renumbered[in.a];
      if (in.b >= 0) in.b = renumbered[in.b];
      renumbered[i] = static_cast<int>(out.code.size());
      out.code.push_back(in);
      out.uniformCount += prefix;
    }
  return out;
}

}  // namespace optirace
