// Surfaces typed as expressions (ENGINE.md): the grammar, errors with their column, exact
// gradients (against the built-in surfaces' hand-written ones), the minimum search, divergence
// on NaN, and the scenario form.
#include "expression/typed_surface.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "expression/expression_eval.h"
#include "racer.h"
#include "scenario.h"

namespace optirace {
namespace {

Surface typed(const std::string& text, std::vector<std::pair<std::string, double>> params = {}) {
  return makeTypedSurface({text, std::move(params), std::nullopt, std::nullopt});
}

double f(const std::string& text, Vec2 w) {
  return typed(text).value(w);
}

TEST(TypedSurface, PrecedenceAndAssociativityFollowTheGrammar) {
  Vec2 w{3.0, 2.0};
  EXPECT_EQ(f("-x^2", w), -9.0);                 // ^ binds tighter than unary minus
  EXPECT_EQ(f("2^-x", w), std::pow(2, -3));      // a signed exponent
  EXPECT_EQ(f("y^x^y", w), std::pow(2.0, 9.0));  // right-associative: y^(x^y)
  EXPECT_EQ(f("x - y - 1", w), 0.0);             // left-associative
  EXPECT_EQ(f("x / y / 2", w), 0.75);
  EXPECT_EQ(f("1 + x * y ^ 2", w), 13.0);
  EXPECT_EQ(f("--x", w), 3.0);
  EXPECT_EQ(f(".5 * x + 1e-3 * y", w), 1.5 + 2e-3);
  EXPECT_NEAR(f("log(e) + cos(pi)", w), 0.0, 1e-15);
  EXPECT_EQ(f("min(x, y) + max(x, y)", w), 5.0);
  EXPECT_NEAR(f("atan2(y, x)", w), std::atan2(2.0, 3.0), 1e-15);
  EXPECT_NEAR(f("log10(x * 100)", w), std::log10(300.0), 1e-15);
  EXPECT_EQ(f("abs(-x) + sqrt(y * 8)", w), 7.0);
  EXPECT_EQ(f("pow(-x, 3)", w), -27.0);  // a negative base with an integer exponent
}

TEST(TypedSurface, ConstantsAreFoldedAndRepeatsShared) {
  // 2*3 folds to 6; the two (x + y) are one instruction: x, y, x + y, 6, · , ^2, +.
  ExprTape tape = compileExpression("2*3*(x + y) + (x + y)^2");
  EXPECT_EQ(tape.code.size(), 7u);
  EXPECT_EQ(compileExpression("sin(pi/2) * 4 + 1").code.size(), 1u);
}

TEST(TypedSurface, WhatReadsNeitherXNorYComesFirst) {
  // The sweep kernel computes this prefix once per block: it must hold exactly the instructions
  // that read neither x nor y, each after what it reads.
  ExprTape tape = compileExpression("x*exp(c*d) + (y - log(c))^2 + c");
  // c, d, c·d, exp, log c: uniform; x, y, x·exp, y − log c, ^2, + and + read x or y.
  EXPECT_EQ(tape.uniformCount, 5);
  ASSERT_EQ(tape.code.size(), 12u);
  for (int i = 0; i < static_cast<int>(tape.code.size()); ++i) {
    const ExprInstruction& in = tape.code[i];
    bool readsPoint = in.op == ExprOp::X || in.op == ExprOp::Y;
    for (int operand : {in.a, in.b})
      if (in.op != ExprOp::Param && operand >= 0) {
        EXPECT_LT(operand, i);
        readsPoint = readsPoint || operand >= tape.uniformCount;
      }
    EXPECT_EQ(i < tape.uniformCount, !readsPoint) << "instruction " << i;
  }
  EXPECT_EQ(compileExpression("a*b").uniformCount, 3);    // all of it: f does not vary
  EXPECT_EQ(compileExpression("x + 1").uniformCount, 1);  // the folded constant
}

struct BadText {
  std::string text;
  int column;
  std::string says;
};

TEST(TypedSurface, MalformedTextIsRefusedWithItsColumn) {
  for (const BadText& c :
       {BadText{"(a - x)^2 + b)", 14, "unexpected ')'"}, BadText{"x + ", 5, "unexpected end"},
        BadText{"2x", 2, "no implicit multiplication"},
        BadText{"x + foo(y)", 5, "unknown function 'foo'"},
        BadText{"sin + 1", 1, "'sin' is a function"},
        BadText{"pow(x)", 1, "pow takes 2 arguments (got 1)"},
        BadText{"sin(x, y)", 1, "sin takes 1 argument (got 2)"},
        BadText{"(x + y", 7, "missing ')' for the '(' at column 1"},
        BadText{"x # y", 3, "unexpected '#'"}, BadText{"x·y", 2, "unexpected '·'"},
        BadText{"1e999 * x", 1, "beyond double's range"}, BadText{"", 1, "empty expression"},
        BadText{"x + y;", 6, "unexpected ';'"}}) {
    SCOPED_TRACE(c.text);
    try {
      compileExpression(c.text);
      ADD_FAILURE() << "accepted";
    } catch (const ExpressionError& e) {
      EXPECT_EQ(e.column(), c.column) << e.what();
      EXPECT_NE(std::string(e.what()).find(c.says), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("at column " + std::to_string(c.column)),
                std::string::npos)
          << e.what();
    }
  }
}

TEST(TypedSurface, ParametersNeedValuesAndValuesNeedParameters) {
  try {
    typed("x^2 + b*y^2");
    ADD_FAILURE();
  } catch (const ExpressionError& e) {
    EXPECT_EQ(e.column(), 7);
    EXPECT_NE(std::string(e.what()).find("'b' has no value"), std::string::npos);
  }
  EXPECT_THROW(typed("x^2 + b*y^2", {{"b", 2}, {"c", 1}}), ExpressionError);
  Surface s = typed("x^2 + b*y^2", {{"b", 2}});
  EXPECT_EQ(s.value({1, 1}), 3.0);
  EXPECT_FALSE(s.setParam("b", 5).has_value());
  EXPECT_EQ(s.value({1, 1}), 6.0);
}

TEST(TypedSurface, HostileTextIsRefusedOrEvaluatedNeverCrashes) {
  std::string deep(100000, '(');
  deep += "x" + std::string(100000, ')');
  EXPECT_THROW(compileExpression(deep), ExpressionError);  // nesting limit, with a column
  try {
    compileExpression(deep);
  } catch (const ExpressionError& e) {
    EXPECT_EQ(e.column(), kMaxExpressionNesting + 1);
  }
  std::string powers = "x";
  for (int i = 0; i < 100000; ++i) powers += "^x";
  EXPECT_THROW(compileExpression(powers), ExpressionError);
  std::string minuses(100000, '-');  // signs repeat without nesting: fine
  EXPECT_EQ(f(minuses + "x", {2, 0}), 2.0);
  std::string sum = "x";  // half a megabyte of text evaluates
  while (sum.size() < 500000) sum += "+x*y";
  Surface big = typed(sum);
  EXPECT_EQ(big.value({1, 1}), 1.0 + (sum.size() - 1) / 4);
  EXPECT_THROW(compileExpression(std::string(kMaxExpressionLength + 1, 'x')), ExpressionError);
  // NaN-producing functions evaluate; the racer that reaches them diverges.
  EXPECT_TRUE(std::isnan(f("log(-1) + x", {0, 0})));
  EXPECT_TRUE(std::isnan(f("0/0 + x", {0, 0})));
  EXPECT_TRUE(std::isinf(f("exp(x)^1e300", {1, 0})));
}

TEST(TypedSurface, ARacerReachingNaNIsFlaggedDiverged) {
  RaceSettings settings;
  settings.view = kTypedDefaultView;
  Hyper h = findOptimizer("sgd")->defaults;
  h.lr = 0.1;
  // sqrt(x) is NaN for x < 0; the gradient pushes x below 0 from 0.01.
  Racer racer({"sgd", "sgd", h, {0.01, 1.0}}, typed("sqrt(x) + y^2"), settings);
  for (int i = 0; i < 50; ++i) racer.step();
  EXPECT_GE(racer.divergedAtStep(), 1);
}

// Every built-in surface typed as its expression: f and ∇f at points over its view equal the
// hand-written ones to 1e-12 (relative to the gradient's scale there).
TEST(TypedSurface, BuiltInSurfacesTypedAsExpressionsAgree) {
  for (const SurfaceDef* def : allSurfaces()) {
    Surface builtIn(*def);
    if (def->name == "quadratic") {
      ASSERT_FALSE(builtIn.setParam("angle", 25).has_value());
    }
    Surface expr = makeTypedSurface(expressionOf(builtIn));
    const ViewBox& v = def->defaultView;
    for (int i = 0; i <= 8; ++i)
      for (int j = 0; j <= 8; ++j) {
        Vec2 w{v.xMin + v.width() * i / 8.1, v.yMin + v.height() * j / 8.3};
        SCOPED_TRACE(std::string(def->name) + " at " + std::to_string(w.x) + "," +
                     std::to_string(w.y));
        Vec2 a = builtIn.gradient(w), b = expr.gradient(w);
        double scale = 1.0 + std::abs(a.x) + std::abs(a.y);
        EXPECT_NEAR(builtIn.value(w), expr.value(w), 1e-12 * (1.0 + std::abs(builtIn.value(w))));
        EXPECT_NEAR(a.x, b.x, 1e-12 * scale);
        EXPECT_NEAR(a.y, b.y, 1e-12 * scale);
      }
  }
}

// ... and the races on them: the same trajectory to 1e-12.
TEST(TypedSurface, BuiltInSurfacesTypedAsExpressionsRaceTheSame) {
  for (const SurfaceDef* def : allSurfaces())
    for (const char* opt : {"sgd", "momentum", "adam", "rmsprop"}) {
      Surface builtIn(*def);
      Surface expr = makeTypedSurface(expressionOf(builtIn));
      RaceSettings settings;
      settings.view = def->defaultView;
      Hyper h = findOptimizer(opt)->defaults;
      h.lr = std::string(opt) == "sgd" || std::string(opt) == "momentum" ? 1e-3 : 1e-2;
      Racer a({opt, opt, h, def->defaultStart}, builtIn, settings);
      Racer b({opt, opt, h, def->defaultStart}, expr, settings);
      for (int t = 0; t < 200; ++t) {
        a.step();
        b.step();
      }
      SCOPED_TRACE(std::string(opt) + " on " + std::string(def->name));
      Vec2 p = a.current().w, q = b.current().w;
      EXPECT_NEAR(p.x, q.x, 1e-12 * (1 + std::abs(p.x)));
      EXPECT_NEAR(p.y, q.y, 1e-12 * (1 + std::abs(p.y)));
    }
}

TEST(TypedSurface, MinimumSearchFindsTheMinimizers) {
  // Himmelblau: four minima of value 0, all in [-6, 6]².
  TypedSurfaceSpec spec{"(x^2 + y - 11)^2 + (x + y^2 - 7)^2", {}, ViewBox{-6, 6, -6, 6}, {}};
  Surface himmelblau = makeTypedSurface(spec);
  ASSERT_TRUE(himmelblau.hasMinimum());
  EXPECT_NEAR(himmelblau.minimumValue(), 0.0, 1e-20);
  Surface reference(*findSurface("himmelblau"));
  ASSERT_EQ(himmelblau.minimizers().size(), 4u);
  for (Vec2 m : reference.minimizers()) {
    bool near = false;
    for (Vec2 n : himmelblau.minimizers()) near |= std::hypot(m.x - n.x, m.y - n.y) < 1e-8;
    EXPECT_TRUE(near) << m.x << "," << m.y;
  }
  // A parameter moves the minimizer: (a, a²) for Rosenbrock.
  Surface rosen = typed("(a - x)^2 + b*(y - x^2)^2", {{"a", 0.5}, {"b", 100}});
  ASSERT_EQ(rosen.minimizers().size(), 1u);
  EXPECT_NEAR(rosen.minimizers()[0].x, 0.5, 1e-9);
  EXPECT_NEAR(rosen.minimizers()[0].y, 0.25, 1e-9);
  EXPECT_FALSE(rosen.setParam("a", -1).has_value());
  EXPECT_NEAR(rosen.minimizers()[0].x, -1.0, 1e-9);
  // f unbounded below: no minimum, and the gap is f itself.
  Surface plane = typed("x + y");
  EXPECT_FALSE(plane.hasMinimum());
  EXPECT_EQ(plane.minimumValue(), 0.0);
  Surface cubic = typed("x^3 - 2*x + y^2");  // a local minimum at x = 0.82, lower at x = −2
  EXPECT_FALSE(cubic.hasMinimum());
  // f_min given: used as is.
  Surface given = makeTypedSurface({"x^2 + y^2 + 3", {}, std::nullopt, 1.0});
  EXPECT_EQ(given.minimumValue(), 1.0);
}

TEST(TypedSurface, ScenarioKeepsTheExpressionItsParametersViewAndFMin) {
  Scenario s = defaultScenario(*findSurface("rosenbrock"), {"adam"});
  s.surface = makeTypedSurface(
      {"(a - x)^2 + b*(y - x^2)^2", {{"a", 1}, {"b", 30}}, ViewBox{-2, 2, -1, 3}, 0.0});
  Scenario back = scenarioFromJson(scenarioToJson(s));
  ASSERT_NE(back.surface.typed(), nullptr);
  EXPECT_EQ(back.surface.typed()->text, "(a - x)^2 + b*(y - x^2)^2");
  EXPECT_EQ(back.surface.param("b"), 30.0);
  EXPECT_EQ(back.surface.typed()->view, (ViewBox{-2, 2, -1, 3}));
  EXPECT_EQ(back.surface.typed()->fMin, 0.0);
  EXPECT_EQ(scenarioToJson(back), scenarioToJson(s));
}

TEST(TypedSurface, ScenarioErrorsNameThePathAndColumn) {
  std::string base = scenarioToJson(defaultScenario(*findSurface("rosenbrock"), {"adam"}));
  auto withSurface = [&](const std::string& surface) {
    std::string text = base;
    auto at = text.find("\"surface\"");
    auto end = text.find('}', text.find('}', at) + 1);  // the params object, then the surface's
    return text.substr(0, at) + "\"surface\": " + surface + text.substr(end + 1);
  };
  try {
    scenarioFromJson(withSurface(R"({"expr": "x + (y"})"));
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("$.surface.expr: missing ')'"), std::string::npos)
        << e.what();
  }
  try {
    scenarioFromJson(withSurface(R"({"expr": "a*x^2 + y^2", "params": {"q": 1}})"));
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("$.surface.params: a value is given for 'q'"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace optirace
