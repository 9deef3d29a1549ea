// `optirace render --out fig.svg|fig.pdf`: the SVG is XML with one path per racer and per
// contour level the surface has in view, paths thinned within a quarter pixel; the PDF, drawn
// by poppler, is the PNG export's picture, with its text as text; bad input leaves nothing.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "gl_test_context.h"
#include "loss_range.h"
#include "picture_difference.h"
#include "polyline_simplify.h"
#include "run_cli.h"
#include "scenario.h"
#include "scratch_folder.h"
#include "shell_tools.h"

namespace optirace {
namespace {

namespace fs = std::filesystem;

const std::string kPreset =
    std::string(OPTIRACE_SOURCE_DIR) + "/assets/presets/6_noisy_rosenbrock_race.json";

struct SvgPath {
  std::string stroke;  // e.g. "rgb(83.529413%,36.862746%,0%)"
  double opacity = 1;
  int vertices = 0;
};

// cairo writes <path style="…" d="…"/>; read by hand (std::regex recurses per character and
// overflows the stack on a path of many thousand points).
std::vector<SvgPath> strokedPaths(const std::string& svg) {
  std::vector<SvgPath> paths;
  const std::string open = "<path style=\"", data = "\" d=\"";
  for (std::size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
    std::size_t styleEnd = svg.find(data, at + open.size());
    if (styleEnd == std::string::npos) break;
    std::string style = svg.substr(at + open.size(), styleEnd - at - open.size());
    std::size_t dEnd = svg.find('"', styleEnd + data.size());
    auto stroke = style.find("stroke:rgb(");
    if (stroke == std::string::npos || dEnd == std::string::npos) continue;
    SvgPath p;
    p.stroke = style.substr(stroke + 7, style.find(')', stroke) - stroke - 6);
    if (auto o = style.find("stroke-opacity:"); o != std::string::npos)
      p.opacity = std::stod(style.substr(o + 15));
    for (std::size_t i = styleEnd + data.size(); i < dEnd; ++i)
      p.vertices += svg[i] == 'M' || svg[i] == 'L';
    paths.push_back(p);
  }
  return paths;
}

bool sameColour(const std::string& svgRgb, std::uint32_t rgb) {
  double r, g, b;
  if (std::sscanf(svgRgb.c_str(), "rgb(%lf%%,%lf%%,%lf%%)", &r, &g, &b) != 3) return false;
  auto near = [](double percent, int shift, std::uint32_t c) {
    return std::abs(percent / 100 * 255 - ((c >> shift) & 255)) < 0.01;
  };
  return near(r, 16, rgb) && near(g, 8, rgb) && near(b, 0, rgb);
}

TEST(VectorFigure, SvgHasAPathPerRacerAndPerContourLevel) {
  REQUIRE_DISPLAY();
  fs::path svg = scratchPath("fig.svg");
  ASSERT_EQ(runCliQuietly("render --scenario " + kPreset + " --width 1600 --height 1000 --out " +
                          svg.string()),
            0);
  EXPECT_TRUE(wellFormedXml(svg)) << "not well-formed XML";
  std::string text = slurp(svg);
  EXPECT_LT(text.size(), 2u << 20);
  std::vector<SvgPath> paths = strokedPaths(text);

  Scenario s = loadScenarioFile(kPreset);
  for (const RacerSpec& r : s.racers) {
    int found = 0;
    for (const SvgPath& p : paths)
      if (sameColour(p.stroke, r.colorRgb) && p.vertices > 10) {
        ++found;
        EXPECT_LE(p.vertices, 4000) << r.label;  // thinned: 2000 steps, far fewer points
      }
    EXPECT_EQ(found, 1) << r.label;
  }
  // The contour levels: multiples of ½ decade of f − f* + δ between the smallest and largest
  // value in view (core's f on a 400 × 400 grid here, independent of the figure's own grid).
  Surface surface = s.surface;
  ViewBox v = s.settings.view;
  LossRange range = lossRangeOver(surface, v);
  double lo = INFINITY, hi = -INFINITY;
  for (int i = 0; i <= 400; ++i)
    for (int j = 0; j <= 400; ++j) {
      double f = surface.value({v.xMin + v.width() * i / 400, v.yMin + v.height() * j / 400});
      double level = std::log10(std::max(f - range.floor, 0.0) + range.delta);
      lo = std::min(lo, level), hi = std::max(hi, level);
    }
  lo = std::max(lo, range.logMin), hi = std::min(hi, range.logMax);
  int levels = static_cast<int>(std::floor(hi / 0.5) - std::ceil(lo / 0.5)) + 1;
  int contours = 0;
  for (const SvgPath& p : paths) contours += std::abs(p.opacity - 0.45) < 1e-6;
  EXPECT_EQ(contours, levels);
  EXPECT_GT(levels, 5);
}

TEST(VectorFigure, PdfIsThePngsPictureWithTextAsText) {
  REQUIRE_DISPLAY();
  if (!have("pdftoppm") || !have("pdftotext"))
    GTEST_SKIP() << "poppler-utils (pdftoppm, pdftotext) are not installed";
  fs::path pdf = scratchPath("fig.pdf"), png = scratchPath("fig.png"),
           drawn = scratchPath("fig-pdf");
  std::string common = "render --scenario " + kPreset + " --plot --width 1600 --height 1000";
  ASSERT_EQ(runCliQuietly(common + " --out " + pdf.string()), 0);
  ASSERT_EQ(runCliQuietly(common + " --out " + png.string()), 0);
  EXPECT_LT(fs::file_size(pdf), 2u << 20);
  // 0.75 pt a pixel: at 96 dpi poppler draws it at the PNG's size.
  ASSERT_EQ(std::system(
                ("pdftoppm -r 96 -png -singlefile " + pdf.string() + " " + drawn.string()).c_str()),
            0);
  RgbPicture a = loadPngRgb(drawn.string() + ".png"), b = loadPngRgb(png.string());
  ASSERT_EQ(a.width, 1600);
  ASSERT_EQ(a.height, 1000);
  ASSERT_EQ(b.width, 1600);
  PictureDifference d = pictureDifference(a, b);
  // Two rasterizers (poppler, the GL batch) anti-alias the edges of lines and glyphs their own
  // way, and the PDF's lines are exact where the PNG's path joins pieces: 1.9 levels on
  // average and 1.3 % of pixels far apart, measured here. Everything else is the same picture:
  // a missing heatmap or loss plot moves the mean by tens of levels.
  EXPECT_LT(d.mean, 4.0);
  EXPECT_LT(d.farShare, 0.03);
  fs::path words = scratchPath("fig.txt");
  ASSERT_EQ(std::system(("pdftotext " + pdf.string() + " " + words.string()).c_str()), 0);
  std::string text = slurp(words);
  EXPECT_NE(text.find("noisy Rosenbrock race"), std::string::npos) << text;
  EXPECT_NE(text.find("Momentum"), std::string::npos) << text;
}

TEST(VectorFigure, BadInputExitsTwoAndLeavesNothing) {
  fs::path svg = scratchPath("bad.svg");
  for (std::string args :
       {std::string("--3d"), std::string("--fps 10"), std::string("--width 0")}) {
    EXPECT_EQ(runCliQuietly("render --scenario " + kPreset + " " + args + " --out " + svg.string()),
              2)
        << args;
    EXPECT_FALSE(fs::exists(svg)) << args;
    EXPECT_FALSE(fs::exists(svg.string() + ".partial")) << args;
  }
  EXPECT_EQ(runCliQuietly("render --scenario " + kPreset + " --out /nonexistent-folder/fig.pdf"),
            2);
}

// Every point of the path within a quarter pixel of the thinned line, and few points kept.
TEST(SimplifyPolyline, NoPointMovesMoreThanTheTolerance) {
  std::mt19937 random(7);
  std::normal_distribution<float> step(0.0f, 0.6f);
  std::vector<PointF> walk{{0, 0}};
  for (int i = 0; i < 20000; ++i)
    walk.push_back({walk.back().x + 0.05f + step(random) * 0.1f, walk.back().y + step(random)});
  std::vector<PointF> thin = simplifyPolyline(walk, kVectorPathTolerancePx);
  EXPECT_LT(thin.size(), walk.size() / 2);
  EXPECT_EQ(thin.front().x, walk.front().x);
  EXPECT_EQ(thin.back().y, walk.back().y);
  // The kept points are some of the path's, in order: each point between two kept ones is
  // measured against the segment that replaced it.
  float worst = 0;
  std::size_t k = 0;
  for (std::size_t i = 1; i < walk.size(); ++i) {
    bool kept = k + 1 < thin.size() && walk[i].x == thin[k + 1].x && walk[i].y == thin[k + 1].y;
    if (kept) {
      ++k;
      continue;
    }
    ASSERT_LT(k + 1, thin.size());
    worst = std::max(worst, distanceToSegment(walk[i], thin[k], thin[k + 1]));
  }
  EXPECT_EQ(k + 1, thin.size());
  EXPECT_LE(worst, kVectorPathTolerancePx);
  PointF line[] = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};
  EXPECT_EQ(simplifyPolyline(line, 0.25f).size(), 2u);
}

}  // namespace
}  // namespace optirace
