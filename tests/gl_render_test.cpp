// Rendering against core: the GLSL twins of every surface read back from a float target, the
// canvas's pixels (heatmap ordered with loss, racers' colours along their paths), the loss
// plot's per-column reduction, and `optirace render` end to end.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "canvas_painter.h"
#include "figure_export.h"
#include "gl_test_context.h"
#include "heatmap_renderer.h"
#include "loss_plot_painter.h"
#include "scratch_folder.h"
#include "window/gl_window.h"

namespace optirace {
namespace {

struct SurfaceCase {
  std::string name;
  std::vector<std::pair<std::string, double>> params;
};

// Every surface of the registry with its defaults and, where it has parameters, with each one
// moved by 35 % of its default (or by 35 where the default is 0), inside its range.
std::vector<SurfaceCase> everySurface() {
  std::vector<SurfaceCase> cases;
  for (const SurfaceDef* def : allSurfaces()) {
    cases.push_back({std::string(def->name), {}});
    if (def->params.empty()) continue;
    SurfaceCase moved{std::string(def->name), {}};
    for (const SurfaceParamDef& p : def->params) {
      double v = p.defaultValue + 0.35 * (p.defaultValue == 0 ? 100.0 : p.defaultValue);
      moved.params.push_back({std::string(p.name), std::clamp(v, p.minValue, p.maxValue)});
    }
    cases.push_back(moved);
  }
  return cases;
}

void PrintTo(const SurfaceCase& c, std::ostream* os) {
  *os << c.name;
}

class GlslTwin : public ::testing::TestWithParam<SurfaceCase> {};

TEST_P(GlslTwin, MatchesCoreAtEveryPixel) {
  REQUIRE_DISPLAY();
  Surface s(*findSurface(GetParam().name));
  for (auto [k, v] : GetParam().params) ASSERT_FALSE(s.setParam(k, v));
  const ViewBox& view = s.def().defaultView;
  const int w = 96, h = 64;
  HeatmapRenderer renderer;
  Framebuffer target(w, h, Framebuffer::Format::R32F);
  target.bind();
  renderer.draw(s, view, LossRange{}, HeatmapStyle{}, 0, 0, w, h, /*rawValues=*/true);
  std::vector<float> values(w * h);
  glReadPixels(0, 0, w, h, GL_RED, GL_FLOAT, values.data());
  checkGlErrors("read back");
  double worst = 0;
  for (int j = 0; j < h; ++j)
    for (int i = 0; i < w; ++i) {
      // The shader's world point for pixel (i, j), as float arithmetic gives it.
      float px = float(view.xMin) + (i + 0.5f) * float(view.width() / w);
      float py = float(view.yMin) + (j + 0.5f) * float(view.height() / h);
      Vec2 p{px, py};
      double f = s.value(p);
      // Float evaluation: relative error of a few ulps of the largest term involved.
      double scale =
          std::fabs(f) + norm(s.gradient(p)) * (std::fabs(px) + std::fabs(py) + 1.0) + 1.0;
      double err = std::fabs(values[j * w + i] - f) / scale;
      worst = std::max(worst, err);
    }
  EXPECT_LT(worst, 2e-5) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(EverySurface, GlslTwin, ::testing::ValuesIn(everySurface()),
                         [](const auto& info) {
                           std::string n =
                               info.param.name + (info.param.params.empty() ? "" : "_with_params");
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

// The shader's surfaces are generated from the registry: one function per surface, each
// reached by its registry index.
TEST(GlslTwin, GeneratedForEverySurface) {
  std::string glsl = surfacesGlsl();
  for (const SurfaceDef* def : allSurfaces()) {
    std::string i = std::to_string(def->index);
    EXPECT_NE(glsl.find("float surface" + i + "(vec2 w) {  // " + std::string(def->name)),
              std::string::npos);
    EXPECT_NE(glsl.find("case " + i + ": return surface" + i + "(w);"), std::string::npos);
    EXPECT_EQ(allSurfaces()[static_cast<size_t>(def->index)], def);
  }
}

struct Pixels {
  int w, h;
  std::vector<std::uint8_t> rgba;  // top row first
  const std::uint8_t* at(int x, int y) const { return &rgba[(static_cast<size_t>(y) * w + x) * 4]; }
  double luminance(int x, int y) const {
    const std::uint8_t* p = at(x, y);
    return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
  }
  // Median luminance of a (2r+1)² window: contour lines (1–2 px) do not move it.
  double medianLuminance(int x, int y, int r) const {
    std::vector<double> v;
    for (int dy = -r; dy <= r; ++dy)
      for (int dx = -r; dx <= r; ++dx)
        v.push_back(luminance(std::clamp(x + dx, 0, w - 1), std::clamp(y + dy, 0, h - 1)));
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  }
};

Pixels readTarget(int w, int h) {
  Pixels p{w, h, std::vector<std::uint8_t>(static_cast<size_t>(w) * h * 4)};
  std::vector<std::uint8_t> bottomUp(p.rgba.size());
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, bottomUp.data());
  for (int y = 0; y < h; ++y)
    std::copy_n(&bottomUp[(h - 1 - y) * w * 4], w * 4, &p.rgba[y * w * 4]);
  return p;
}

int largestDifference(const Pixels& a, int ax, int ay, const Pixels& b, int bx, int by, int w,
                      int h) {
  int most = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < 3; ++c)
        most =
            std::max(most, std::abs(int(a.at(ax + x, ay + y)[c]) - int(b.at(bx + x, by + y)[c])));
  return most;
}


TEST(Canvas, HeatmapBrightensWithLossAndRacersKeepTheirColours) {
  REQUIRE_DISPLAY();
  Scenario s = defaultScenario(*findSurface("quadratic"), {"sgd", "momentum"});
  s.surface.setParam("b", 5.0);  // a round-ish bowl so the paths spread over the canvas
  s.racers[0].hyper.lr = 0.02;
  s.racers[1].hyper.lr = 0.005;
  s.racers[1].start = {-5, -1.2};
  s.steps = 200;
  Race race(s);
  race.advance(200);
  const int w = 1200, h = 700;
  CanvasOnTarget canvas(w, h);
  CanvasPainter& painter = canvas.painter;
  CanvasStyle style;
  style.legend = false;
  CanvasTransform t =
      painter.paint(race, s.settings.view, "", style, {0, 0, float(w), float(h)}, w, h, 1.0f);
  Pixels px = readTarget(w, h);

  // Viridis is monotonic in luminance: along y = 1 (off both paths) loss grows with |x|.
  double previous = -1;
  for (double x : {0.0, 1.5, 3.0, 4.5, 5.8}) {
    PointF p = t.toPixel({x, 1.0});
    double lum = px.medianLuminance(static_cast<int>(p.x), static_cast<int>(p.y), 4);
    EXPECT_GT(lum, previous) << "at x = " << x;
    previous = lum;
  }
  // Each racer's colour lies on its path: at midpoints of its longer segments.
  for (const Racer& r : race.racers()) {
    Rgba c = Rgba::fromRgb(r.spec().colorRgb);
    int hits = 0, samples = 0;
    const auto& pts = r.trajectory().points();
    for (std::size_t i = 5; i + 5 < pts.size(); ++i) {
      PointF a = t.toPixel(pts[i].w), b = t.toPixel(pts[i + 1].w);
      if (std::hypot(b.x - a.x, b.y - a.y) < 12) continue;
      PointF m{0.5f * (a.x + b.x), 0.5f * (a.y + b.y)};
      if (!t.area.contains(m)) continue;
      ++samples;
      const std::uint8_t* p = px.at(static_cast<int>(m.x), static_cast<int>(m.y));
      double d =
          std::fabs(p[0] - 255 * c.r) + std::fabs(p[1] - 255 * c.g) + std::fabs(p[2] - 255 * c.b);
      hits += d < 60;
    }
    ASSERT_GT(samples, 5) << r.spec().label;
    EXPECT_GE(hits, samples * 8 / 10) << r.spec().label << ": " << hits << " of " << samples;
  }
  checkGlErrors("canvas");
}

// The margins (axes, tick labels, title) are drawn once into the kept canvas layer: they must
// follow the theme and the title, and stay while the race runs and the layer only grows.
TEST(Canvas, KeptMarginsFollowThemeAndTitleAndStayWhileRacing) {
  REQUIRE_DISPLAY();
  Scenario s = defaultScenario(*findSurface("quadratic"), {"sgd"});
  s.steps = 100;
  Race race(s);
  const int w = 600, h = 400;
  CanvasOnTarget canvas(w, h);
  CanvasPainter& painter = canvas.painter;
  CanvasStyle style;
  auto paint = [&](const std::string& title) {
    CanvasTransform t =
        painter.paint(race, s.settings.view, title, style, {0, 0, float(w), float(h)}, w, h, 1.0f);
    return std::pair{t, readTarget(w, h)};
  };
  // Ink pixels (far from the paper's colour) in a margin strip.
  auto inkIn = [](const Pixels& px, int x0, int y0, int x1, int y1, int paper) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) n += std::abs(px.at(x, y)[1] - paper) > 100;
    return n;
  };
  auto [dark, darkPx] = paint("");
  int below = static_cast<int>(dark.area.y + dark.area.h) + 3;  // tick labels
  EXPECT_LT(darkPx.at(2, h - 2)[1], 60);                        // dark paper
  EXPECT_GT(inkIn(darkPx, 0, below, w, h, darkPx.at(2, h - 2)[1]), 50);
  int right = static_cast<int>(dark.area.x) + 20;  // past the y axis's labels
  EXPECT_EQ(inkIn(darkPx, right, 0, w, static_cast<int>(dark.area.y) - 2, darkPx.at(2, 2)[1]), 0);

  style.lightTheme = true;  // nothing else changes: the layer must still be redrawn
  EXPECT_EQ(paint("").second.at(2, h - 2)[1], 255);
  auto [light, lightPx] = paint("A title");
  EXPECT_EQ(lightPx.at(2, h - 2)[1], 255);
  EXPECT_GT(inkIn(lightPx, 0, below, w, h, 255), 50);
  EXPECT_GT(inkIn(lightPx, right, 0, w, static_cast<int>(light.area.y) - 2, 255), 20);  // the title

  race.advance(50);  // the layer gains segments, the margins stay
  int redraws = painter.trajectoryRedraws();
  auto [running, runningPx] = paint("A title");
  EXPECT_EQ(painter.trajectoryRedraws(), redraws);
  EXPECT_EQ(largestDifference(runningPx, 0, below, lightPx, 0, below, w, h - below), 0);
  checkGlErrors("canvas margins");
}

// Deep in a zoom tick labels grow ("0.99995", "1.00010"): the margins grow with them, so no
// label is cut at the picture's edges and the y title stays clear of them.
TEST(Canvas, DeepZoomLabelsStayInsideThePicture) {
  REQUIRE_DISPLAY();
  Scenario s = defaultScenario(*findSurface("rosenbrock"), {"adam"});
  s.steps = 10;
  Race race(s);
  const int w = 800, h = 500;
  CanvasOnTarget canvas(w, h);
  CanvasPainter& painter = canvas.painter;
  CanvasStyle style;
  style.legend = false;
  ViewBox zoom{0.9999, 1.0001, 0.9998, 1.0002};
  painter.paint(race, zoom, "", style, {0, 0, float(w), float(h)}, w, h, 1.0f);
  Pixels px = readTarget(w, h);
  int paper = px.at(w - 1, 0)[1];
  auto inkInColumns = [&](int x0, int x1) {
    int n = 0;
    for (int y = 0; y < h; ++y)
      for (int x = x0; x < x1; ++x) n += std::abs(px.at(x, y)[1] - paper) > 60;
    return n;
  };
  EXPECT_EQ(inkInColumns(0, 2), 0) << "a y label runs off the left edge";
  EXPECT_EQ(inkInColumns(w - 2, w), 0) << "the last x label runs off the right edge";
  checkGlErrors("deep zoom margins");
}

TEST(LossPlot, TenThousandStepsReduceToTwoPointsPerColumn) {
  REQUIRE_DISPLAY();
  Scenario s = defaultScenario(*findSurface("rosenbrock"), {"sgd", "adam", "rmsprop"});
  for (RacerSpec& r : s.racers) r.hyper.lr = 1e-3;
  s.settings.noiseSigma = 0.5;  // jagged curves: the worst case for the reduction
  s.steps = 100000;
  Race race(s);
  race.advance(100000);
  const int w = 800, h = 400;
  FontCache fonts(OPTIRACE_FONT_PATH);
  LossPlotPainter painter(fonts);
  Framebuffer target(w, h);
  target.bind();
  LossPlotStyle style;
  style.legend = false;
  painter.paint(race, style, {0, 0, float(w), float(h)}, w, h, 1.0f);
  // 3 racers × ≤ 2 points per column (≤ 800 columns) × 4 vertices per segment, plus the
  // threshold's dashes; without the reduction it would be ~3 × 65 536 × 4.
  EXPECT_LT(painter.curveVertexCount(), 3u * 2 * 800 * 4);
  EXPECT_GT(painter.curveVertexCount(), 3u * 400 * 4);
  checkGlErrors("loss plot");
}

// An asymmetric picture: a red box in the top-left corner, a blue line near the bottom, a label.
void drawMarks(VectorBatch& batch, const FontAtlas& font, int w, int h, RowOrder rows) {
  clearRect({0, 0, float(w), float(h)}, h, 0.9f, 0.9f, 0.9f, rows);
  batch.rect({4, 4}, {28, 20}, Rgba{1, 0, 0, 1});
  batch.line({4, h - 6.0f}, {w - 4.0f, h - 6.0f}, Rgba{0, 0, 1, 1}, 2.0f);
  batch.text(font, {32, 6}, "Ag", Rgba{0, 0, 0, 1});
  batch.flush(font, w, h, rows);
}

// The layers copied into the window each frame keep their top row first (so that Mesa copies
// them with memcpy): whatever is drawn into one must come out the right way up, in the window,
// in an exported figure and in part.
TEST(WindowLayer, PicturesComeOutTheRightWayUpWhereverTheyAreCopied) {
  REQUIRE_DISPLAY();
  const int w = 64, h = 48;  // fits the suite's 64 × 64 window
  FontCache fonts(OPTIRACE_FONT_PATH);
  const FontAtlas& font = fonts.atlas(14);
  VectorBatch batch;
  Framebuffer direct(w, h);  // the reference, drawn in GL's own row order
  direct.bind();
  drawMarks(batch, font, w, h, RowOrder::BottomUp);
  Pixels expected = readTarget(w, h);
  ASSERT_GT(expected.at(8, 8)[0], 240);  // red in the top-left corner, as drawn
  ASSERT_LT(expected.at(8, 8)[2], 15);
  ASSERT_GT(expected.at(20, h - 6)[2], 200);                             // blue near the bottom
  ASSERT_LT(expected.at(8, h - 12)[0] - expected.at(8, h - 12)[2], 10);  // no red below

  Framebuffer layer(w, h, Framebuffer::Format::WindowLayer);
  ASSERT_EQ(layer.rowOrder(), RowOrder::TopDown);
  layer.bind();
  drawMarks(batch, font, w, h, layer.rowOrder());

  Framebuffer figure(w, h);  // an export target
  copyPicture(layer, {0, 0, w, h}, figure.id(), h, RowOrder::BottomUp, 0, 0);
  EXPECT_LE(largestDifference(readTarget(w, h), 0, 0, expected, 0, 0, w, h), 2);

  Framebuffer part(w, h);  // a box of the layer, moved
  part.bind();
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  copyPicture(layer, {2, 3, 40, 30}, part.id(), h, RowOrder::BottomUp, 20, 15);
  Pixels moved = readTarget(w, h);
  EXPECT_LE(largestDifference(moved, 20, 15, expected, 2, 3, 40, 30), 2);
  EXPECT_EQ(moved.at(10, 10)[0], 0);  // outside the box: untouched

  copyPicture(layer, {0, 0, w, h}, 0, 64, RowOrder::BottomUp, 0, 10);  // the window
  EXPECT_LE(largestDifference(readTarget(64, 64), 0, 10, expected, 0, 0, w, h), 2);
  checkGlErrors("window layer");
}

std::filesystem::path scratch(const std::string& name) {
  return scratchPath(name);
}

int runCli(const std::string& args) {
  int raw = std::system((std::string(OPTIRACE_BINARY) + " " + args + " > /dev/null 2> " +
                         scratch("render_err").string())
                            .c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

TEST(RenderCommand, WritesPngOfRequestedSize) {
  REQUIRE_DISPLAY();
  namespace fs = std::filesystem;
  fs::path out = scratch("render_test.png");
  fs::remove(out);
  ASSERT_EQ(runCli(std::string("render --scenario ") + OPTIRACE_SOURCE_DIR +
                   "/assets/presets/1_sgd_zigzag.json --out " + out.string() +
                   " --width 900 --height 500 --plot"),
            0);
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load(out.c_str(), &w, &h, &n, 4);
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(w, 900);
  EXPECT_EQ(h, 500);
  // Not a blank image: many distinct colours (heatmap, path, plot).
  std::vector<std::uint32_t> colours;
  for (int i = 0; i < w * h; i += 37) colours.push_back(reinterpret_cast<std::uint32_t*>(data)[i]);
  std::sort(colours.begin(), colours.end());
  EXPECT_GT(std::unique(colours.begin(), colours.end()) - colours.begin(), 500);
  stbi_image_free(data);
}

TEST(RenderCommand, BadInputExitsTwoAndWritesNothing) {
  namespace fs = std::filesystem;
  fs::path out = scratch("render_bad.png");
  fs::remove(out);
  std::string scenario = std::string(OPTIRACE_SOURCE_DIR) + "/assets/presets/1_sgd_zigzag.json";
  EXPECT_EQ(runCli("render --scenario " + scenario + " --out " + out.string() + " --width 99999"),
            2);
  EXPECT_EQ(runCli("render --scenario " + scenario + " --out " + out.string() + " --colormap jet"),
            2);
  EXPECT_EQ(runCli("render --scenario /nonexistent.json --out " + out.string()), 2);
  EXPECT_FALSE(fs::exists(out));
}

TEST(RenderCommand, SaysSoWhenThereIsNoDisplay) {
  namespace fs = std::filesystem;
  fs::path out = scratch("render_nodisplay.png");
  fs::remove(out);
  std::string scenario = std::string(OPTIRACE_SOURCE_DIR) + "/assets/presets/1_sgd_zigzag.json";
  int raw = std::system(("env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(OPTIRACE_BINARY) +
                         " render --scenario " + scenario + " --out " + out.string() +
                         " > /dev/null 2> " + scratch("nodisplay_err").string())
                            .c_str());
  EXPECT_EQ(WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, 1);
  std::ifstream err(scratch("nodisplay_err"));
  std::string text((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("no display"), std::string::npos) << text;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace optirace
