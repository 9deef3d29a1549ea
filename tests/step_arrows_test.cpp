// The step inspector's arrows on the canvas: where core's inspection says the step goes, in the
// racer's colour, magnified by the factor the legend states; and `render --at-step --arrows`.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "canvas_painter.h"
#include "gl_test_context.h"
#include "run_cli.h"
#include "scratch_folder.h"

namespace optirace {
namespace {

TEST(StepArrows, MagnificationIsTheSmallestOneTwoFiveFactorThatMakesTheLongestReadable) {
  EXPECT_EQ(arrowMagnification(80, 70), 1);  // long enough already
  EXPECT_EQ(arrowMagnification(40, 70), 2);  // 80 ≥ 70
  EXPECT_EQ(arrowMagnification(30, 70), 5);  // 60 < 70 ≤ 150
  EXPECT_EQ(arrowMagnification(7, 70), 10);  // exactly 70
  EXPECT_EQ(arrowMagnification(0.2, 70), 500);
  EXPECT_EQ(arrowMagnification(0, 70), 1);  // no step: nothing to magnify
  for (double longest : {0.013, 0.7, 3.3, 29.0, 69.9}) {
    double k = arrowMagnification(longest, 70);
    EXPECT_GE(longest * k, 70);
    double mantissa = k / std::pow(10.0, std::floor(std::log10(k) + 1e-9));
    EXPECT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                std::abs(mantissa - 5) < 1e-9)
        << k;
  }
}

std::vector<std::uint8_t> readRgba(int w, int h) {
  std::vector<std::uint8_t> bottomUp(static_cast<size_t>(w) * h * 4);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, bottomUp.data());
  return bottomUp;
}
const std::uint8_t* pixel(const std::vector<std::uint8_t>& bottomUp, int w, int h, PointF p) {
  int x = static_cast<int>(p.x), y = h - 1 - static_cast<int>(p.y);
  return &bottomUp[(static_cast<size_t>(y) * w + x) * 4];
}

// Momentum in the κ = 50 bowl after 12 steps: the step arrow's shaft carries the racer's colour
// halfway along the (magnified) step core computes; without arrows that pixel is the heatmap's.
TEST(StepArrows, StepArrowLiesAlongTheInspectedStepInTheRacersColour) {
  REQUIRE_DISPLAY();
  Scenario s = defaultScenario(*findSurface("quadratic"), {"momentum"});
  s.racers[0].hyper.lr = 0.012;
  s.racers[0].start = {5.0, 0.5};
  s.racers[0].colorRgb = 0xD55E00;
  Race race(s);
  race.advance(12);
  const int w = 1200, h = 700;
  CanvasOnTarget canvas(w, h);
  CanvasPainter& painter = canvas.painter;
  CanvasStyle style;
  style.legend = false;
  CanvasTransform t =
      painter.paint(race, s.settings.view, "", style, {0, 0, float(w), float(h)}, w, h, 1.0f);
  std::vector<std::uint8_t> plain = readRgba(w, h);
  style.arrows = {.shown = true, .racer = 0, .plain = false, .memory = false};
  painter.paint(race, s.settings.view, "", style, {0, 0, float(w), float(h)}, w, h, 1.0f);
  std::vector<std::uint8_t> arrows = readRgba(w, h);

  StepInspection in = race.racers()[0].run().inspectNextStep();
  double k = stepArrowMagnification(in, t, style.arrows, 1.0f);
  PointF from = t.toPixel(in.taken.w), to = t.toPixel(in.taken.w + k * in.step());
  double lengthPx = std::hypot(to.x - from.x, to.y - from.y);
  EXPECT_GE(lengthPx, kMinArrowPx - 0.5);
  // Along the shaft, clear of the current point's marker (7 px) and of the head.
  int coloured = 0, samples = 0;
  for (double f : {0.3, 0.4, 0.5, 0.6}) {
    PointF p{from.x + static_cast<float>(f) * (to.x - from.x),
             from.y + static_cast<float>(f) * (to.y - from.y)};
    const std::uint8_t* a = pixel(arrows, w, h, p);
    const std::uint8_t* b = pixel(plain, w, h, p);
    ++samples;
    coloured += std::abs(a[0] - 0xD5) + std::abs(a[1] - 0x5E) + std::abs(a[2] - 0x00) < 40 &&
                std::abs(b[0] - a[0]) + std::abs(b[1] - a[1]) + std::abs(b[2] - a[2]) > 40;
  }
  EXPECT_EQ(coloured, samples);
  // Far from the racer (the canvas's opposite corner) nothing changed.
  PointF far{t.area.x + 10, t.area.y + t.area.h - 10};
  const std::uint8_t *a = pixel(arrows, w, h, far), *b = pixel(plain, w, h, far);
  EXPECT_EQ(a[0], b[0]);
  EXPECT_EQ(a[1], b[1]);
}

TEST(StepArrows, RenderAtStepWithArrowsWritesTheSlideAndRefusesBadSteps) {
  REQUIRE_DISPLAY();
  namespace fs = std::filesystem;
  std::string scenario =
      std::string(OPTIRACE_SOURCE_DIR) + "/assets/presets/2_sgd_momentum_nesterov.json";
  fs::path with = scratchPath("at_step_arrows.png"), without = scratchPath("at_step.png");
  std::string common = "render --scenario " + scenario + " --width 640 --height 400 --at-step 3";
  ASSERT_EQ(runCliQuietly(common + " --arrows --racer 2 --out " + with.string()), 0);
  ASSERT_EQ(runCliQuietly(common + " --out " + without.string()), 0);
  int w = 0, h = 0, n = 0;
  unsigned char* a = stbi_load(with.c_str(), &w, &h, &n, 3);
  unsigned char* b = stbi_load(without.c_str(), &w, &h, &n, 3);
  ASSERT_TRUE(a && b);
  long changed = 0;
  for (long i = 0; i < static_cast<long>(w) * h * 3; ++i) changed += a[i] != b[i];
  EXPECT_GT(changed, 300) << "the arrows and their legend are drawn";
  stbi_image_free(a);
  stbi_image_free(b);

  fs::path bad = scratchPath("at_step_bad.png");
  EXPECT_EQ(runCliQuietly(common.substr(0, common.size() - 1) + "999999 --out " + bad.string()), 2)
      << "beyond the scenario's budget";
  EXPECT_EQ(runCliQuietly(common + " --arrows --racer 4 --out " + bad.string()), 2) << "3 racers";
  EXPECT_EQ(runCliQuietly(common + " --arrows --racer 0 --out " + bad.string()), 2);
  EXPECT_FALSE(fs::exists(bad));
}

}  // namespace
}  // namespace optirace
