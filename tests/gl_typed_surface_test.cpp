// Typed surfaces in the shader: the GLSL written from a tape, read back from a float target,
// against core, for every built-in surface typed as its expression and for 200 expressions
// drawn at random from the whole grammar, compared as the heatmap shows them (the
// log-scaled colour coordinate).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <random>

#include "expression/typed_surface.h"
#include "gl_test_context.h"
#include "heatmap_renderer.h"
#include "loss_range.h"

namespace optirace {
namespace {

// The fraction of pixels (where core's f is finite) whose colour coordinate t, as the heatmap
// computes it from f, differs between the shader's float f and core's double f by more than
// one step of an 8-bit colour, beyond float precision; `pixels` counts those compared.
double colourMismatch(HeatmapRenderer& renderer, const Surface& s, const ViewBox& view,
                      int* pixels) {
  const int w = 48, h = 32;
  Framebuffer target(w, h, Framebuffer::Format::R32F);
  target.bind();
  LossRange range = lossRangeOver(s, view);
  renderer.draw(s, view, range, HeatmapStyle{}, 0, 0, w, h, /*rawValues=*/true);
  std::vector<float> values(w * h);
  glReadPixels(0, 0, w, h, GL_RED, GL_FLOAT, values.data());
  auto colour = [&](double f) {
    double level = std::log10(std::max(f - range.floor, 0.0) + range.delta);
    return std::clamp((level - range.logMin) / (range.logMax - range.logMin), 0.0, 1.0);
  };
  int compared = 0, off = 0;
  for (int j = 0; j < h; ++j)
    for (int i = 0; i < w; ++i) {
      float px = float(view.xMin) + (i + 0.5f) * float(view.width() / w);
      float py = float(view.yMin) + (j + 0.5f) * float(view.height() / h);
      double f = s.value({px, py});
      if (!std::isfinite(f)) continue;
      ++compared;
      // Off: more than a colour step apart, and further than float arithmetic can be held to
      // at this point (a few ulps of the largest term: f, or the input's rounding times ∇f).
      Vec2 g = s.gradient({px, py});
      double scale = std::abs(f) + std::hypot(g.x, g.y) * (std::abs(px) + std::abs(py) + 1) + 1;
      bool colourOff = std::abs(colour(values[j * w + i]) - colour(f)) > 1.0 / 255;
      if (colourOff && std::abs(values[j * w + i] - f) > 2e-5 * scale) ++off;
    }
  *pixels = compared;
  return compared ? double(off) / compared : 0.0;
}

TEST(TypedGlsl, BuiltInSurfacesTypedAsExpressionsMatchCore) {
  REQUIRE_DISPLAY();
  HeatmapRenderer renderer;
  for (const SurfaceDef* def : allSurfaces()) {
    Surface s = makeTypedSurface(expressionOf(Surface(*def)));
    int pixels = 0;
    double off = colourMismatch(renderer, s, def->defaultView, &pixels);
    EXPECT_EQ(pixels, 48 * 32) << def->name;
    EXPECT_EQ(off, 0.0) << def->name;
  }
}

// A random expression of the grammar: every operator and function, constants, parameters.
std::string randomExpression(std::mt19937& rng, int depth) {
  static const char* unary[] = {"sin",  "cos",  "tan", "asin", "acos",  "atan", "sinh",
                                "cosh", "tanh", "exp", "log",  "log10", "sqrt", "abs"};
  static const char* binary[] = {"pow", "atan2", "min", "max"};
  static const char* ops[] = {" + ", " - ", " * ", " / "};
  std::uniform_int_distribution<int> pick(0, 99);
  int r = pick(rng);
  if (depth == 0 || r < 20) {
    int leaf = pick(rng) % 5;
    if (leaf == 0) return "x";
    if (leaf == 1) return "y";
    if (leaf == 2) return "a";
    std::uniform_real_distribution<double> c(-3.0, 3.0);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", std::abs(c(rng)));
    return buf;
  }
  auto sub = [&] { return randomExpression(rng, depth - 1); };
  if (r < 45) return "(" + sub() + ops[pick(rng) % 4] + sub() + ")";
  if (r < 60) return "(" + sub() + ")^" + std::to_string(pick(rng) % 5 - 1);
  if (r < 65) return "-" + sub();
  if (r < 90) return std::string(unary[pick(rng) % 14]) + "(" + sub() + ")";
  return std::string(binary[pick(rng) % 4]) + "(" + sub() + ", " + sub() + ")";
}

TEST(TypedGlsl, RandomExpressionsMatchCore) {
  REQUIRE_DISPLAY();
  HeatmapRenderer renderer;
  std::mt19937 rng(2026);
  int tested = 0, worstPixels = 0;
  double worst = 0.0;
  std::string worstText;
  double compileSeconds = 0.0;
  while (tested < 200) {
    std::string text = randomExpression(rng, 4);
    ExprTape tape = compileExpression(text);
    bool usesA = !tape.params.empty();
    if (std::none_of(tape.code.begin(), tape.code.end(), [](const ExprInstruction& in) {
          return in.op == ExprOp::X || in.op == ExprOp::Y;
        }))
      continue;  // flat: one colour, nothing to compare
    TypedSurfaceSpec spec{text, {}, std::nullopt, std::nullopt};
    if (usesA) spec.params.push_back({"a", 0.7});
    Surface s = makeTypedSurface(spec);
    int pixels = 0;
    auto start = std::chrono::steady_clock::now();
    double off = colourMismatch(renderer, s, kTypedDefaultView, &pixels);
    compileSeconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (pixels < 100) continue;  // NaN almost everywhere: nothing to compare
    ++tested;
    if (off > worst) worst = off, worstText = text, worstPixels = pixels;
  }
  std::cout << "200 expressions, worst: " << worst * 100 << " % of " << worstPixels
            << " pixels off by more than one colour step (" << worstText << "); "
            << compileSeconds / 200 * 1000 << " ms per expression, compile and draw\n";
  // Float arithmetic loses the last digits where f nearly cancels; a colour step is 0.4 %.
  EXPECT_LE(worst, 0.02) << worstText;
}

}  // namespace
}  // namespace optirace
