// A number that writes down the arithmetic done with it as GLSL, so that a surface's value
// template, instantiated with it, produces the heatmap shader's twin of that surface: one
// definition of the maths for the engine and the picture. Each operation becomes a statement
// `float tN = …;` of the GlslWriter in scope, so shared subexpressions are written once and
// the text grows with the number of operations, not with their nesting.
#pragma once

#include <string>

#include "number.h"

namespace optirace {

class GlslExpression {
 public:
  GlslExpression(double literal);  // NOLINT: constants in the maths convert implicitly
  static GlslExpression named(std::string name);  // a variable or uniform, e.g. "w.x"
  const std::string& text() const { return text_; }

  friend GlslExpression operator+(const GlslExpression& a, const GlslExpression& b);
  friend GlslExpression operator-(const GlslExpression& a, const GlslExpression& b);
  friend GlslExpression operator*(const GlslExpression& a, const GlslExpression& b);
  friend GlslExpression operator/(const GlslExpression& a, const GlslExpression& b);
  friend GlslExpression operator-(const GlslExpression& a);
  friend SinCos<GlslExpression> sinCosPiOf(const GlslExpression& a);

 private:
  GlslExpression() = default;
  static GlslExpression statement(const std::string& expression);
  std::string text_;
};

// Collects the statements written while it is alive (one at a time, on one thread).
class GlslWriter {
 public:
  GlslWriter();
  ~GlslWriter();
  GlslWriter(const GlslWriter&) = delete;
  GlslWriter& operator=(const GlslWriter&) = delete;
  const std::string& statements() const { return statements_; }

 private:
  friend class GlslExpression;
  std::string statements_;
  int next_ = 0;
  GlslWriter* previous_;
};

}  // namespace optirace
