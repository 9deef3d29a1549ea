// The pieces of video export that need no display: which step each frame shows, the BT.709
// colour conversion against the standard's equations, and the GIF palette (exact colours kept
// exact, gradients within the dither's reach).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "figure_export.h"
#include "gif_palette.h"
#include "video_encoder.h"
#include "video_timeline.h"
#include "yuv420.h"

namespace optirace {
namespace {

TEST(VideoTimeline, DurationSpreadsTheStepsFromStartToEndThenHolds) {
  VideoTimeline t = timelineForDuration(2000, 30, 8);
  EXPECT_EQ(t.raceFrames, 240);
  EXPECT_EQ(t.holdFrames, 30);  // kVideoHoldSeconds at 30 fps
  EXPECT_EQ(t.stepAt(0), 0);
  EXPECT_EQ(t.stepAt(239), 2000);
  EXPECT_EQ(t.stepAt(269), 2000);
  long previous = -1;
  for (long f = 0; f < t.frames(); ++f) {  // never backwards, never past the end
    EXPECT_GE(t.stepAt(f), previous);
    EXPECT_LE(t.stepAt(f), 2000);
    previous = t.stepAt(f);
  }
  EXPECT_EQ(t.stepAt(120), 2000 * 120 / 239);  // floor of the even share
  EXPECT_DOUBLE_EQ(t.seconds(), 9.0);
}

TEST(VideoTimeline, FewerStepsThanFramesRepeatSteps) {
  VideoTimeline t = timelineForDuration(3, 10, 1);
  EXPECT_EQ(t.raceFrames, 10);
  EXPECT_EQ(t.stepAt(0), 0);
  EXPECT_EQ(t.stepAt(9), 3);
}

TEST(VideoTimeline, StepsPerFrame) {
  VideoTimeline t = timelineForStepsPerFrame(10, 20, 3);
  EXPECT_EQ(t.raceFrames, 5);  // steps 0, 3, 6, 9, 10
  EXPECT_EQ(t.stepAt(1), 3);
  EXPECT_EQ(t.stepAt(3), 9);
  EXPECT_EQ(t.stepAt(4), 10);
  EXPECT_EQ(t.holdFrames, 20);
}

TEST(VideoTimeline, RefusesWhatCannotBeAVideo) {
  EXPECT_THROW(timelineForDuration(100, 0, 8), std::invalid_argument);
  EXPECT_THROW(timelineForDuration(100, kMaxVideoFps + 1, 8), std::invalid_argument);
  EXPECT_THROW(timelineForDuration(100, 30, 0), std::invalid_argument);
  EXPECT_THROW(timelineForDuration(100, 30, kMaxVideoSeconds + 1), std::invalid_argument);
  EXPECT_THROW(timelineForDuration(100, 30, std::nan("")), std::invalid_argument);
  EXPECT_THROW(timelineForStepsPerFrame(100, 30, 0), std::invalid_argument);
  // 10⁷ steps one a frame: 10⁷ frames, far past the longest video.
  EXPECT_THROW(timelineForStepsPerFrame(10'000'000, 30, 1), std::invalid_argument);
}

TEST(VideoFormat, FromTheExtension) {
  EXPECT_EQ(videoFormatOfPath("a/race.mp4"), VideoFormat::Mp4);
  EXPECT_EQ(videoFormatOfPath("race.GIF"), VideoFormat::Gif);
  EXPECT_THROW(videoFormatOfPath("race.avi"), std::invalid_argument);
  EXPECT_THROW(videoFormatOfPath("race.mp4/x"), std::invalid_argument);
  EXPECT_EQ(exportFormatOfPath("fig.PNG"), ExportFormat::Png);
  EXPECT_EQ(exportFormatOfPath("a.b/fig"), std::nullopt);
  EXPECT_EQ(exportFormatOfPath("fig.jpg"), std::nullopt);
}

// ITU-R BT.709: Y' = 0.2126 R + 0.7152 G + 0.0722 B; Cb = (B − Y')/1.8556, Cr = (R − Y')/1.5748;
// 8-bit limited range: Y = 16 + 219 Y', C = 128 + 224 C (R, G, B in [0, 1]).
YuvColour bt709Reference(double r, double g, double b) {
  double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return {static_cast<int>(std::lround(16 + 219 * y)),
          static_cast<int>(std::lround(128 + 224 * (b - y) / 1.8556)),
          static_cast<int>(std::lround(128 + 224 * (r - y) / 1.5748))};
}

TEST(Yuv420, EqualsTheStandardsEquations) {
  for (int r = 0; r < 256; r += 15)
    for (int g = 0; g < 256; g += 15)
      for (int b = 0; b < 256; b += 15) {
        YuvColour got = rgbToYuv709(r, g, b),
                  want = bt709Reference(r / 255.0, g / 255.0, b / 255.0);
        ASSERT_NEAR(got.y, want.y, 1) << r << "," << g << "," << b;
        ASSERT_NEAR(got.cb, want.cb, 1);
        ASSERT_NEAR(got.cr, want.cr, 1);
      }
  EXPECT_EQ(rgbToYuv709(255, 255, 255).y, 235);
  EXPECT_EQ(rgbToYuv709(0, 0, 0).y, 16);
  EXPECT_EQ(rgbToYuv709(255, 0, 0).cr, 240);
  EXPECT_EQ(rgbToYuv709(0, 0, 255).cb, 240);
}

Image filled(int w, int h, auto colourAt) {
  Image image{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 4)};
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      auto [r, g, b] = colourAt(x, y);
      std::uint8_t* p = image.rgba.data() + 4 * (static_cast<std::size_t>(y) * w + x);
      p[0] = static_cast<std::uint8_t>(r), p[1] = static_cast<std::uint8_t>(g),
      p[2] = static_cast<std::uint8_t>(b), p[3] = 255;
    }
  return image;
}

TEST(Yuv420, PlanesAverageEachTwoByTwoBlockAndFollowTheRowOrder) {
  // Left half red, right half blue; the top row of the picture white.
  Image image = filled(8, 4, [](int x, int y) {
    if (y == 0) return std::array{255, 255, 255};
    return x < 4 ? std::array{255, 0, 0} : std::array{0, 0, 255};
  });
  std::vector<std::uint8_t> y(32), u(8), v(8);
  rgbaToYuv420(image, {y.data(), u.data(), v.data(), 8, 4, 4});
  EXPECT_EQ(y[0], 235);                            // white, top left
  EXPECT_EQ(y[8 + 0], rgbToYuv709(255, 0, 0).y);   // red, second row
  EXPECT_EQ(v[4 + 0], rgbToYuv709(255, 0, 0).cr);  // the second block row: all red
  EXPECT_EQ(u[4 + 3], rgbToYuv709(0, 0, 255).cb);
  // The first block row mixes white and red: the mean of the two.
  int mixed = (rgbToYuv709(255, 255, 255).cr + rgbToYuv709(255, 0, 0).cr) / 2;
  EXPECT_NEAR(v[0], mixed, 1);
  // The same picture stored bottom row first gives the same planes.
  Image flipped = image;
  flipped.rows = RowOrder::BottomUp;
  for (int r = 0; r < 4; ++r)
    std::copy_n(image.rgba.data() + r * 32, 32, flipped.rgba.data() + (3 - r) * 32);
  std::vector<std::uint8_t> y2(32), u2(8), v2(8);
  rgbaToYuv420(flipped, {y2.data(), u2.data(), v2.data(), 8, 4, 4});
  EXPECT_EQ(y, y2);
  EXPECT_EQ(u, u2);
  EXPECT_EQ(v, v2);
}

TEST(GifPalette, KeepsCommonColoursExactAndGradientsClose) {
  // A picture like optirace's: a dark margin, two line colours, and a smooth gradient.
  Image image = filled(400, 300, [](int x, int y) {
    if (x < 40) return std::array{28, 28, 34};                  // margin
    if (y == 100 || y == 101) return std::array{213, 94, 0};    // a racer's line
    if (x == 200 || x == 201) return std::array{86, 180, 233};  // another
    return std::array{(x * 255) / 399, 128 + y / 4, 255 - (y * 200) / 299};
  });
  const Image* samples[] = {&image};
  GifPalette palette(samples);
  EXPECT_GE(palette.exactColours(), 3);
  std::vector<std::uint8_t> indices(400 * 300);
  palette.map(image, indices.data(), 400);
  auto colourOf = [&](int x, int y) { return palette.argb()[indices[y * 400 + x]] & 0xFFFFFF; };
  EXPECT_EQ(colourOf(10, 10), 0x1C1C22u);
  EXPECT_EQ(colourOf(300, 100), 0xD55E00u);
  EXPECT_EQ(colourOf(200, 250), 0x56B4E9u);
  // The gradient: each 8 × 8 block's mean (what the eye sees of a dither) within 6 levels.
  double worst = 0;
  for (int by = 0; by < 96; by += 8)
    for (int bx = 48; bx < 192; bx += 8)
      for (int c = 0; c < 3; ++c) {
        double want = 0, got = 0;
        for (int y = by; y < by + 8; ++y)
          for (int x = bx; x < bx + 8; ++x) {
            want += image.rgba[4 * (y * 400 + x) + c];
            got += (colourOf(x, y) >> (8 * (2 - c))) & 255;
          }
        worst = std::max(worst, std::abs(want - got) / 64);
      }
  EXPECT_LT(worst, 6.0);
}

}  // namespace
}  // namespace optirace
