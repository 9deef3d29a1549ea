#include "glsl_expression.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace optirace {

namespace {
thread_local GlslWriter* currentWriter = nullptr;
}

GlslWriter::GlslWriter() : previous_(currentWriter) {
  currentWriter = this;
}
GlslWriter::~GlslWriter() {
  currentWriter = previous_;
}

// A float literal GLSL reads as the nearest float: 9 significant digits, always with a point
// or an exponent ("2" would be an int), negative ones in parentheses.
GlslExpression::GlslExpression(double literal) {
  if (!std::isfinite(literal)) throw std::invalid_argument("GLSL has no literal for a non-finite");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", literal);
  text_ = buf;
  if (text_.find_first_of(".e") == std::string::npos) text_ += ".0";
  if (literal < 0) text_ = "(" + text_ + ")";
}

GlslExpression GlslExpression::named(std::string name) {
  GlslExpression e;
  e.text_ = std::move(name);
  return e;
}

GlslExpression GlslExpression::statement(const std::string& expression) {
  if (!currentWriter) throw std::logic_error("GlslExpression used without a GlslWriter");
  GlslExpression e;
  e.text_ = std::string("t").append(std::to_string(currentWriter->next_++));
  currentWriter->statements_.append("  float ").append(e.text_).append(" = ");
  currentWriter->statements_.append(expression).append(";\n");
  return e;
}

GlslExpression operator+(const GlslExpression& a, const GlslExpression& b) {
  return GlslExpression::statement(a.text_ + " + " + b.text_);
}
GlslExpression operator-(const GlslExpression& a, const GlslExpression& b) {
  return GlslExpression::statement(a.text_ + " - " + b.text_);
}
GlslExpression operator*(const GlslExpression& a, const GlslExpression& b) {
  return GlslExpression::statement(a.text_ + " * " + b.text_);
}
GlslExpression operator/(const GlslExpression& a, const GlslExpression& b) {
  return GlslExpression::statement(a.text_ + " / " + b.text_);
}
GlslExpression operator-(const GlslExpression& a) {
  return GlslExpression::statement("-" + a.text_);
}

}  // namespace optirace

namespace optirace {
SinCos<GlslExpression> sinCosPiOf(const GlslExpression& a) {
  GlslExpression angle = GlslExpression::statement("3.14159265358979 * " + a.text_);
  return {GlslExpression::statement("sin(" + angle.text_ + ")"),
          GlslExpression::statement("cos(" + angle.text_ + ")")};
}
}  // namespace optirace
