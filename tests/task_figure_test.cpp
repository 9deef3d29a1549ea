// A task's figure (render/task_figure.h) and `optirace render` of a task's scenario: the figure's
// pictures are core's (each racer's decision picture at the epoch shown, the slice's losses),
// drawn where the layout says; PDF and SVG keep text and pictures; a video has the timeline's
// frames; flags that draw on a surface are refused with nothing written.
#include "task_figure.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "cairo_drawing.h"
#include "gl_test_context.h"
#include "network/task_pictures.h"
#include "run_cli.h"
#include "scenario.h"
#include "shell_tools.h"
#include "video_timeline.h"

namespace optirace {
namespace {

namespace fs = std::filesystem;

const char* kXorRace = R"({
  "format": "optirace-scenario", "version": 1, "task": {"name": "xor"}, "steps": 400,
  "threshold": 0.01,
  "racers": [{"optimizer": "sgd", "label": "SGD fast", "hyper": {"lr": 0.5}},
             {"optimizer": "adam", "label": "Adam quick", "hyper": {"lr": 0.05}}]})";

// Whether an 8-bit channel drawn from `picture` with bilinear interpolation can be `value`: it
// lies between the four texels around the sample point (cairo rounds to 8 bits: ±1).
bool fromPicture(const TaskPicture& picture, RectPx box, int px, int py, const std::uint8_t* rgb) {
  double u = (px + 0.5 - box.x) / box.w * picture.width - 0.5;
  double v = (py + 0.5 - box.y) / box.h * picture.height - 0.5;
  int u0 = std::clamp(static_cast<int>(std::floor(u)), 0, picture.width - 1);
  int v0 = std::clamp(static_cast<int>(std::floor(v)), 0, picture.height - 1);
  int u1 = std::min(u0 + 1, picture.width - 1), v1 = std::min(v0 + 1, picture.height - 1);
  for (int c = 0; c < 3; ++c) {
    int lo = 255, hi = 0;
    for (int tu : {u0, u1})
      for (int tv : {v0, v1}) {
        int t = picture.rgba[(static_cast<std::size_t>(tv) * picture.width + tu) * 4 + c];
        lo = std::min(lo, t), hi = std::max(hi, t);
      }
    if (rgb[c] < lo - 1 || rgb[c] > hi + 1) return false;
  }
  return true;
}

float distanceToSegment(PointF p, PointF a, PointF b) {
  float dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
  float t =
      length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0f, 1.0f) : 0.0f;
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// Sample points on a 12 × 12 grid inside `box`, 3 px from its edges.
template <class Check>
void forSamplePoints(RectPx box, const Check& check) {
  for (int a = 0; a < 12; ++a)
    for (int b = 0; b < 12; ++b) {
      int px = static_cast<int>(box.x + 3 + (a + 0.5) / 12 * (box.w - 6));
      int py = static_cast<int>(box.y + 3 + (b + 0.5) / 12 * (box.h - 6));
      check(px, py);
    }
}

TEST(TaskFigure, ItsPicturesAreCoresAtTheEpochShown) {
  REQUIRE_DISPLAY();
  Scenario scenario = scenarioFromJson(kXorRace);
  TaskRace race(scenario);
  race.seek(250);
  SliceView slice = computeSliceView(race, SliceChoice{}, 40);
  FontCache fonts(OPTIRACE_FONT_PATH);
  TaskFigureLayout layout;
  Image image = taskFigureImage(fonts, race, slice, TaskFigureStyle{}, 1200, 800, &layout);
  ASSERT_EQ(layout.boundaries.size(), 2u);

  // The decision pictures, away from the data points (at most a font's height across).
  const TaskDef& task = race.task();
  DenseNetwork network(task.shape, task.data);
  std::vector<TaskPicture> pictures;
  for (int i = 0; i < 2; ++i)
    pictures.push_back(decisionPicture(network, race.weightsAt(i, 250), task.inputView,
                                       kFigureBoundaryCells, kFigureBoundaryCells));
  int checked = 0, tellApart = 0;
  for (int i = 0; i < 2; ++i) {
    RectPx box = layout.boundaries[i];
    forSamplePoints(box, [&](int px, int py) {
      for (int s = 0; s < task.data.samples; ++s) {
        float dx =
            box.x +
            float((task.data.input(0, s) - task.inputView.xMin) / task.inputView.width()) * box.w -
            px;
        float dy =
            box.y +
            float((task.inputView.yMax - task.data.input(1, s)) / task.inputView.height()) * box.h -
            py;
        if (std::hypot(dx, dy) < kCanvasFontPx + 4) return;
      }
      const std::uint8_t* rgb = image.row(py) + 4 * px;
      EXPECT_TRUE(fromPicture(pictures[i], box, px, py, rgb))
          << "racer " << i << " at (" << px << ", " << py << ")";
      tellApart += !fromPicture(pictures[1 - i], box, px, py, rgb);
      ++checked;
    });
  }
  EXPECT_GT(checked, 200);
  EXPECT_GT(tellApart, 20);  // the two racers' pictures differ: the check can tell them apart

  // The slice's losses, away from the paths, the start's ring and the legend.
  TaskPicture losses = slicePicture(slice.losses, slice.columns, slice.rows, slice.levels);
  CanvasTransform t{layout.slice, slice.view};
  std::vector<std::vector<PointF>> paths;
  for (const auto& path : slice.paths) {
    paths.emplace_back();
    for (long e = 0; e <= race.shown() && e < static_cast<long>(path.size()); ++e)
      paths.back().push_back(t.toPixel(path[e]));
  }
  RectPx legend = layout.sliceLegend;
  int sliceChecked = 0;
  forSamplePoints(layout.slice, [&](int px, int py) {
    PointF p{px + 0.5f, py + 0.5f};
    if (p.x > legend.x - 3 && p.x < legend.x + legend.w + 3 && p.y > legend.y - 3 &&
        p.y < legend.y + legend.h + 3)
      return;
    for (const auto& path : paths)
      for (std::size_t k = 0; k < path.size(); ++k)
        if (distanceToSegment(p, path[k], path[std::min(k + 1, path.size() - 1)]) < 12) return;
    EXPECT_TRUE(fromPicture(losses, layout.slice, px, py, image.row(py) + 4 * px))
        << "slice at (" << px << ", " << py << ")";
    ++sliceChecked;
  });
  EXPECT_GT(sliceChecked, 60);
}

fs::path xorScenarioFile() {
  fs::path file = scratchPath("xor_race.json");
  std::ofstream(file) << kXorRace;
  return file;
}

// A figure's pixels (PNG, video frames) show text at the size its layout measured with the atlas:
// the inked width of a line lies within the atlas's advance width less the two end glyphs' side
// bearings (a pixel or two each). An image surface's hinted font metrics once made it 58 %.
TEST(TaskFigure, TextInPixelsIsAsWideAsItsLayoutMeasured) {
  REQUIRE_DISPLAY();
  FontCache fonts(OPTIRACE_FONT_PATH);
  const FontAtlas& font = fonts.atlas(30);
  const std::string text = "Decision boundaries on the circle";
  const int w = 900, h = 60;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  CairoDrawing d(cr);
  d.rect({0, 0}, {float(w), float(h)}, Rgba{1, 1, 1, 1});
  d.text(font, {10, 10}, text, Rgba{0, 0, 0, 1});
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  int left = w, right = -1;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (data[y * stride + 4 * x + 1] < 128) left = std::min(left, x), right = std::max(right, x);
  cairo_surface_destroy(surface);
  const float advance = font.widthOf(text), inked = float(right - left + 1);
  EXPECT_LE(inked, advance);
  EXPECT_GE(inked, advance - 0.2f * font.pixelHeight()) << "advance " << advance;
}

TEST(TaskFigure, RenderWritesPdfWithItsTextAndSvgWithItsPictures) {
  REQUIRE_DISPLAY();
  if (!have("pdftotext")) GTEST_SKIP() << "poppler-utils (pdftotext) is not installed";
  const std::string scenario = xorScenarioFile().string();
  fs::path pdf = scratchPath("xor.pdf"), svg = scratchPath("xor.svg");
  ASSERT_EQ(runCliQuietly("render --scenario " + scenario + " --plot --out " + pdf.string()), 0);
  std::string words = commandOutput("pdftotext " + pdf.string() + " -");
  for (const char* text :
       {"Decision boundaries on XOR", "SGD fast", "Adam quick", "paths: projections onto the slice",
        "the whole data set, per epoch", "threshold 0.01", "epoch 400"})
    EXPECT_NE(words.find(text), std::string::npos) << text << " in\n" << words;
  ASSERT_EQ(runCliQuietly("render --scenario " + scenario + " --out " + svg.string()), 0);
  std::string text = slurp(svg);
  std::size_t images = 0;
  for (std::size_t at = text.find("<image"); at != std::string::npos;
       at = text.find("<image", at + 1))
    ++images;
  EXPECT_EQ(images, 4u);  // two decision pictures, the slice, its colour bar
  EXPECT_TRUE(wellFormedXml(svg)) << "not well-formed XML";
}

TEST(TaskFigure, RenderMakesAVideoOfTheEpochs) {
  REQUIRE_DISPLAY();
  if (!have("ffprobe")) GTEST_SKIP() << "ffmpeg (ffprobe) is not installed";
  fs::path video = scratchPath("xor.mp4");
  ASSERT_EQ(
      runCliQuietly("render --scenario " + xorScenarioFile().string() +
                    " --width 480 --height 320 --fps 10 --duration 1 --out " + video.string()),
      0);
  EXPECT_FALSE(fs::exists(video.string() + ".partial"));
  std::string frames = commandOutput(
      "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
      "stream=nb_read_frames,width,height -of default=nw=1 " +
      video.string());
  const long expected = timelineForDuration(400, 10, 1.0).frames();
  EXPECT_NE(frames.find("nb_read_frames=" + std::to_string(expected)), std::string::npos) << frames;
  EXPECT_NE(frames.find("width=480"), std::string::npos) << frames;
}

TEST(TaskFigure, RenderRefusesWhatDrawsOnASurface) {
  const std::string scenario = xorScenarioFile().string();
  fs::path out = scratchPath("refused.png");
  for (const char* flags : {"--3d", "--surface quadratic", "--arrows", "--gradient-field",
                            "--colormap magma", "--steps 20001"}) {
    EXPECT_EQ(
        runCliQuietly("render --scenario " + scenario + " " + flags + " --out " + out.string()), 2)
        << flags;
    EXPECT_FALSE(fs::exists(out)) << flags;
  }
}

}  // namespace
}  // namespace optirace
