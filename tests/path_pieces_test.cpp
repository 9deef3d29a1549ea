// Paths drawn piece by piece (a frame at a time, as the window and a video draw them) look as
// the whole path drawn at once does: no piece's dark casing over the line drawn before it.
#include <gtest/gtest.h>

#include <cstdlib>

#include "figure_export.h"
#include "gl_test_context.h"
#include "scenario.h"

namespace optirace {
namespace {

Image paintRace(CanvasOnTarget& c, const Race& race, const Scenario& s, int w, int h) {
  c.target.bind();
  CanvasStyle style;
  style.legend = false;  // the legend's text changes with the steps; the paths are the subject
  c.painter.paint(race, s.settings.view, s.title, style, {0, 0, float(w), float(h)}, w, h, 1.0f);
  return readFramebuffer(w, h);
}

// The share of pixels where two pictures differ by more than a quarter of the range.
double farShare(const Image& a, const Image& b) {
  std::size_t far = 0, n = a.rgba.size() / 4;
  for (std::size_t i = 0; i < n; ++i) {
    int most = 0;
    for (int c = 0; c < 3; ++c)
      most = std::max(most, std::abs(a.rgba[4 * i + c] - b.rgba[4 * i + c]));
    far += most > 64;
  }
  return static_cast<double>(far) / n;
}

TEST(PathPieces, ANoisyRaceDrawnStepByStepLooksAsDrawnAtOnce) {
  REQUIRE_DISPLAY();
  // The noisy Rosenbrock preset: its paths cross themselves within a line's width thousands of
  // times, where a later piece's casing would land on the earlier line.
  Scenario s = loadScenarioFile(std::string(OPTIRACE_SOURCE_DIR) +
                                "/assets/presets/6_noisy_rosenbrock_race.json");
  constexpr int kW = 900, kH = 600, kSteps = 600;
  CanvasOnTarget pieces(kW, kH), whole(kW, kH);
  Race byStep(s), atOnce(s);
  for (int k = 0; k < kSteps; k += 3) {  // three steps a frame
    byStep.advance(3);
    paintRace(pieces, byStep, s, kW, kH);
  }
  atOnce.advance(kSteps);
  Image stepped = paintRace(pieces, byStep, s, kW, kH);
  Image oneShot = paintRace(whole, atOnce, s, kW, kH);
  ASSERT_EQ(pieces.painter.trajectoryRedraws(), 1);  // it really was drawn piece by piece
  // Where pieces join, a segment shorter than 2 px waits for the next piece, so the polylines
  // are not quite the same: a few pixels along the lines differ (0.08 % of the picture,
  // measured here). With every piece's casing drawn over the earlier line (the stencil test
  // switched off) 0.31 % differ: the bound lies between the two, a factor of ~2 from each.
  EXPECT_LT(farShare(stepped, oneShot), 0.0016);
}

}  // namespace
}  // namespace optirace
