// The expression grammar (ENGINE.md), by recursive descent straight into the tape:
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := ('-' | '+')* power
//   power   := primary ('^' unary)?          right-associative; -x^2 is −(x²), 2^-x allowed
//   primary := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
// Loops, not recursion, for what can repeat without nesting (terms, factors, signs), and a
// nesting limit for what cannot, so no text can exhaust the stack.
#include <cerrno>
#include <cstdlib>
#include <numbers>

#include "../surface.h"
#include "expression_builder.h"
#include "expression_tape.h"

namespace optirace {

namespace {

struct FunctionInfo {
  std::string_view name;
  ExprOp op;
  int arity;
};
constexpr FunctionInfo kFunctions[] = {
    {"sin", ExprOp::Sin, 1},     {"cos", ExprOp::Cos, 1},   {"tan", ExprOp::Tan, 1},
    {"asin", ExprOp::Asin, 1},   {"acos", ExprOp::Acos, 1}, {"atan", ExprOp::Atan, 1},
    {"sinh", ExprOp::Sinh, 1},   {"cosh", ExprOp::Cosh, 1}, {"tanh", ExprOp::Tanh, 1},
    {"exp", ExprOp::Exp, 1},     {"log", ExprOp::Log, 1},   {"log10", ExprOp::Log10, 1},
    {"sqrt", ExprOp::Sqrt, 1},   {"abs", ExprOp::Abs, 1},   {"pow", ExprOp::Power, 2},
    {"atan2", ExprOp::Atan2, 2}, {"min", ExprOp::Min, 2},   {"max", ExprOp::Max, 2},
};

const FunctionInfo* findFunction(std::string_view name) {
  for (const FunctionInfo& f : kFunctions)
    if (f.name == name) return &f;
  return nullptr;
}

std::string functionList() {
  std::string out;
  for (const FunctionInfo& f : kFunctions) out += (out.empty() ? "" : " ") + std::string(f.name);
  return out;
}

bool isNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isNameChar(char c) {
  return isNameStart(c) || (c >= '0' && c <= '9');
}
bool isOperator(char c) {
  return c == '+' || c == '-' || c == '*' || c == '/' || c == '^';
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  ExprTape parse() {
    skipSpace();
    if (pos_ == text_.size()) fail("empty expression", pos_);
    int root = sum();
    skipSpace();
    if (pos_ < text_.size()) {
      if (!startsOperand(pos_) && !isOperator(text_[pos_]))
        fail("unexpected " + describe(pos_), pos_);
      fail("expected an operator before " + describe(pos_) +
               (startsOperand(pos_) ? " (no implicit multiplication: write a*b)" : ""),
           pos_);
    }
    return builder_.finish(root);
  }

 private:
  [[noreturn]] void fail(const std::string& what, std::size_t at) const {
    int column = columnOf(at);
    throw ExpressionError(what + " at column " + std::to_string(column), column);
  }
  int columnOf(std::size_t at) const {  // characters, not bytes: UTF-8 continuations skipped
    int column = 1;
    for (std::size_t i = 0; i < at && i < text_.size(); ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return column;
  }
  std::string describe(std::size_t at) const {
    if (at >= text_.size()) return "the end";
    std::size_t end = at + 1;
    while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
    return "'" + std::string(text_.substr(at, end - at)) + "'";
  }
  bool startsOperand(std::size_t at) const {
    char c = text_[at];
    return isNameStart(c) || isDigit(c) || c == '.' || c == '(';
  }
  void skipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r'))
      ++pos_;
  }
  bool accept(char c) {
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void enter(std::size_t at) {
    if (++depth_ > kMaxExpressionNesting)
      fail("nested deeper than " + std::to_string(kMaxExpressionNesting) + " levels", at);
  }

  int sum() {
    int left = product();
    for (;;) {
      if (accept('+'))
        left = builder_.binary(ExprOp::Add, left, product());
      else if (accept('-'))
        left = builder_.binary(ExprOp::Subtract, left, product());
      else
        return left;
    }
  }
  int product() {
    int left = unary();
    for (;;) {
      if (accept('*'))
        left = builder_.binary(ExprOp::Multiply, left, unary());
      else if (accept('/'))
        left = builder_.binary(ExprOp::Divide, left, unary());
      else
        return left;
    }
  }
  int unary() {
    bool negative = false;
    for (;;) {
      if (accept('-'))
        negative = !negative;
      else if (!accept('+'))
        break;
    }
    int value = power();
    return negative ? builder_.unary(ExprOp::Negate, value) : value;
  }
  int power() {
    int base = primary();
    skipSpace();
    if (!accept('^')) return base;
    enter(pos_ - 1);
    int exponent = unary();
    --depth_;
    return builder_.power(base, exponent);
  }

  int primary() {
    skipSpace();
    std::size_t at = pos_;
    if (at >= text_.size()) fail("unexpected end of expression", at);
    char c = text_[at];
    if (isDigit(c) || c == '.') return number();
    if (isNameStart(c)) return name();
    if (c == '(') {
      ++pos_;
      enter(at);
      int inside = sum();
      if (!accept(')')) closing(at);
      --depth_;
      return inside;
    }
    fail("unexpected " + describe(at), at);
  }
  [[noreturn]] void closing(std::size_t open) {
    skipSpace();
    if (pos_ >= text_.size())
      fail("missing ')' for the '(' at column " + std::to_string(columnOf(open)), pos_);
    fail("expected ')' or an operator before " + describe(pos_) +
             (startsOperand(pos_) ? " (no implicit multiplication: write a*b)" : ""),
         pos_);
  }

  int number() {
    std::size_t at = pos_;
    while (pos_ < text_.size() && isDigit(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '.') ++pos_;
    while (pos_ < text_.size() && isDigit(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      std::size_t mark = pos_++;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (pos_ >= text_.size() || !isDigit(text_[pos_])) {
        // "2e" followed by a name is not a number with an exponent: leave 'e' to the caller,
        // which then reports the missing operator.
        pos_ = mark;
      }
      while (pos_ < text_.size() && isDigit(text_[pos_])) ++pos_;
    }
    std::string digits(text_.substr(at, pos_ - at));
    if (digits == ".") fail("malformed number '.'", at);
    errno = 0;
    char* end = nullptr;
    double value = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size()) fail("malformed number '" + digits + "'", at);
    if (errno == ERANGE && std::isinf(value))
      fail("number '" + digits + "' is beyond double's range", at);
    return builder_.constant(value);
  }

  int name() {
    std::size_t at = pos_;
    while (pos_ < text_.size() && isNameChar(text_[pos_])) ++pos_;
    std::string word(text_.substr(at, pos_ - at));
    skipSpace();
    bool call = pos_ < text_.size() && text_[pos_] == '(';
    const FunctionInfo* f = findFunction(word);
    if (call) {
      if (!f) fail("unknown function '" + word + "' (functions: " + functionList() + ")", at);
      return arguments(*f, at);
    }
    if (f) fail("'" + word + "' is a function: write " + word + "(...)", at);
    if (word == "x") return builder_.variable(ExprOp::X);
    if (word == "y") return builder_.variable(ExprOp::Y);
    if (word == "pi") return builder_.constant(std::numbers::pi);
    if (word == "e") return builder_.constant(std::numbers::e);
    if (!builder_.hasParam(word) && builder_.paramCount() >= kMaxSurfaceParams)
      fail("too many parameters: '" + word + "' would be number " +
               std::to_string(kMaxSurfaceParams + 1) + " (at most " +
               std::to_string(kMaxSurfaceParams) + ")",
           at);
    return builder_.param(word, columnOf(at));
  }

  int arguments(const FunctionInfo& f, std::size_t at) {
    std::size_t open = pos_++;
    enter(open);
    int args[2] = {-1, -1};
    int count = 0;
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == ')')
      fail(std::string(f.name) + " needs " + std::to_string(f.arity) +
               (f.arity == 1 ? " argument" : " arguments"),
           pos_);
    for (;;) {
      int value = sum();
      if (count < 2) args[count] = value;
      ++count;
      if (accept(',')) continue;
      if (accept(')')) break;
      closing(open);
    }
    --depth_;
    if (count != f.arity)
      fail(std::string(f.name) + " takes " + std::to_string(f.arity) +
               (f.arity == 1 ? " argument" : " arguments") + " (got " + std::to_string(count) + ")",
           at);
    if (f.op == ExprOp::Power) return builder_.power(args[0], args[1]);
    return f.arity == 1 ? builder_.unary(f.op, args[0]) : builder_.binary(f.op, args[0], args[1]);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  TapeBuilder builder_;
};

}  // namespace

ExprTape compileExpression(std::string_view text) {
  if (text.size() > kMaxExpressionLength)
    throw ExpressionError("longer than " + std::to_string(kMaxExpressionLength) + " characters",
                          static_cast<int>(kMaxExpressionLength) + 1);
  return Parser(text).parse();
}

const std::vector<std::string_view>& expressionFunctionNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const FunctionInfo& f : kFunctions) out.push_back(f.name);
    return out;
  }();
  return names;
}

std::string expressionGrammarText() {
  return "Numbers (2, 0.5, .5, 1e-3); x, y; pi, e; parameters: any other name (at most " +
         std::to_string(kMaxSurfaceParams) +
         "),\ngiven values after ';'; a sweep's axis may name one (--y b:1:100:log:64).\n"
         "Operators + - * / and ^ (right-associative, tighter than unary minus: -x^2 is -(x^2),\n"
         "2^-x is allowed); parentheses; no implicit multiplication (write 2*x).\n"
         "Functions of one argument: sin cos tan asin acos atan sinh cosh tanh exp log log10\n"
         "sqrt abs (log is natural); of two: pow atan2 min max.\n"
         "Example: --surface 'expr:(a - x)^2 + b*(y - x^2)^2;a=1,b=100'\n";
}

}  // namespace optirace
