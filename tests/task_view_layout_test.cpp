// The task views and their loss plot in a cramped canvas, as a projector's 1280 × 720 at 200 %
// shows them in presentation mode (about 770 × 640 pixels of canvas, 40-pixel text): no label
// is drawn over another (tick labels that would collide are left out), and the pictures keep
// a usable size (an even split one above the other left the slice's plot some thirty pixels
// high, side by side left it no width at all; the loss plot under its title had no room).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gl_test_context.h"
#include "network/slice_view.h"
#include "network/task_race.h"
#include "scenario.h"
#include "task_loss_plot.h"
#include "task_view_painter.h"

namespace optirace {
namespace {

struct TextBox {
  float x0, y0, x1, y1;
  std::string text;
};

// Records where text goes; draws nothing.
class TextRecorder : public ClippingDrawing {
 public:
  std::vector<TextBox> boxes;
  void polyline(std::span<const PointF>, Rgba, float, bool) override {}
  void fillStarShaped(PointF, std::span<const PointF>, Rgba) override {}
  void disc(PointF, float, Rgba) override {}
  void rect(PointF, PointF, Rgba) override {}
  float text(const FontAtlas& font, PointF at, std::string_view utf8, Rgba,
             TextAlign align) override {
    const float w = font.widthOf(utf8);
    const float x = align == TextAlign::Left     ? at.x
                    : align == TextAlign::Centre ? at.x - w / 2
                                                 : at.x - w;
    boxes.push_back({x, at.y, x + w, at.y + font.pixelHeight(), std::string(utf8)});
    return w;
  }
  void clip(PointF, PointF) override {}
  void unclip() override {}
};

class NoPictures : public TaskViewBackdrop {
 public:
  void boundaryPicture(int, PointF, PointF) override {}
  void slicePicture(PointF, PointF) override {}
  void colourBar(PointF, PointF) override {}
};

// Shift+6: four Adam racers on the circle, warmups 0 to 200 epochs.
Scenario warmupRace() {
  return loadScenarioFile(OPTIRACE_SOURCE_DIR "/assets/presets/s6_adam_warmup_circle.json");
}

void expectApart(const std::vector<TextBox>& boxes) {
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const TextBox &a = boxes[i], &b = boxes[j];
      const bool over = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      EXPECT_FALSE(over) << "\"" << a.text << "\" at (" << a.x0 << ", " << a.y0 << ") and \""
                         << b.text << "\" at (" << b.x0 << ", " << b.y0 << ")";
    }
}

TEST(TaskViewLayout, ACrampedCanvasKeepsItsLabelsApartAndItsPicturesUsable) {
  REQUIRE_DISPLAY();
  Scenario scenario = warmupRace();
  TaskRace race(scenario);
  race.seek(600);
  const SliceView slice = computeSliceView(race, SliceChoice{}, 32);
  FontCache fonts(OPTIRACE_FONT_PATH);
  const float px = 40;
  const TaskViewInk k{&fonts.atlas(px), Rgba{1, 1, 1, 1}, Rgba{0.6f, 0.6f, 0.6f, 1},
                      Rgba{0, 0, 0, 1}, 2.0f};
  for (RectPx area : {RectPx{0, 0, 770, 640}, RectPx{0, 0, 770, 600}, RectPx{0, 0, 640, 770}}) {
    TextRecorder d;
    NoPictures backdrop;
    TaskViewsLayout layout = paintTaskViews(d, backdrop, k, race, slice, area, "no racer");
    SCOPED_TRACE(std::to_string(area.w) + " × " + std::to_string(area.h));
    expectApart(d.boxes);
    // Every picture at least two lines of its text across: smaller, the text around it
    // outweighs what it labels.
    ASSERT_EQ(layout.boundaries.size(), 4u);
    for (const RectPx& b : layout.boundaries) EXPECT_GE(b.w, 2 * px);
    EXPECT_GE(std::min(layout.slice.w, layout.slice.h), 2 * px);
    std::printf("%g x %g: pictures %g, slice %g x %g\n", area.w, area.h, layout.boundaries[0].w,
                layout.slice.w, layout.slice.h);
  }
  // The loss plot in the Loss panel's share of the same screen, and in the few lines the
  // panel keeps outside presentation mode: there without its title, but a plot.
  for (RectPx area : {RectPx{0, 0, 420, 330}, RectPx{0, 0, 340, 170}}) {
    TextRecorder d;
    const RectPx plot = paintTaskLossPlot(d, k, race, 0.01, area, TaskLossPlotStyle{});
    SCOPED_TRACE(std::to_string(area.w) + " × " + std::to_string(area.h));
    expectApart(d.boxes);
    EXPECT_GE(plot.h, px);  // at least a line of its text high
  }
}

}  // namespace
}  // namespace optirace
