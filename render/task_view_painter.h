// A task race's two views (seed 003 §27.5's networks), painted by one piece of code for the
// window and for figures: each racer's decision boundary over the input plane with the data on
// it, and the loss on a slice of weight space with the racers' paths projected onto it, its
// ticks, colour bar and legend. What draws them is a ClippingDrawing (ImGui's draw lists in the
// window, cairo for PNG, SVG, PDF and video frames) and a TaskViewBackdrop, which puts the
// pictures under the vectors (textures the window keeps; pictures a figure computes at its own
// resolution).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drawing.h"
#include "network/slice_view.h"
#include "network/task_race.h"
#include "plot_frame.h"

namespace optirace {

// The views' font and colours at their scale.
struct TaskViewInk {
  const FontAtlas* font = nullptr;  // its pixel height sets every size
  Rgba ink, faint, paper;
  float scale = 1;  // lines' widths
  // `text` shortened with "…" to widthPx as `d` measures it.
  std::string fit(const Drawing& d, const std::string& text, float widthPx) const;
};

// The pictures beneath the vectors, as each kind of drawing makes them.
class TaskViewBackdrop {
 public:
  virtual ~TaskViewBackdrop() = default;
  // Racer i's network's output over the task's input view, into the box.
  virtual void boundaryPicture(int racer, PointF min, PointF max) = 0;
  // The slice's losses through its levels (slicePicture, task_pictures.h).
  virtual void slicePicture(PointF min, PointF max) = 0;
  // The colour bar: viridis, the highest loss at the top.
  virtual void colourBar(PointF min, PointF max) = 0;
};

// The colour bar's picture: one column of kColourBarBands RGBA rows through viridis, the highest
// loss at the top (one picture: bands drawn as rectangles leave anti-aliased seams).
inline constexpr int kColourBarBands = 256;
std::vector<std::uint8_t> colourBarColumn();

// Where the views' pictures went, for the window's mouse and for tests.
struct TaskViewsLayout {
  std::vector<RectPx> boundaries;  // each racer's decision picture, in the race's order
  RectPx slice;                    // the slice's picture
  RectPx sliceLegend;              // empty where the slice has no legend
};

// Both views in `area`, side by side or one above the other (whichever gives the pictures more
// room); `noRacer` is what the boundaries' view says when the race has none.
TaskViewsLayout paintTaskViews(ClippingDrawing& d, TaskViewBackdrop& backdrop, const TaskViewInk& k,
                               const TaskRace& race, const SliceView& slice, RectPx area,
                               const std::string& noRacer);

// Ticks and labels on the left and bottom edges of `plot`, showing `view`.
void paintLinearTicks(Drawing& d, const TaskViewInk& k, RectPx plot, const ViewBox& view);

struct LegendEntry {
  std::string label;
  std::uint32_t rgb;
};
// A legend (coloured lines with labels, then notes) in the corner of `plot` that hides the
// fewest of `drawn`; returns its box, or nothing, drawing nothing, where it does not fit
// (legend_place.h).
std::optional<RectPx> paintLegend(Drawing& d, const TaskViewInk& k, RectPx plot,
                                  const std::vector<LegendEntry>& entries,
                                  const std::vector<std::string>& notes,
                                  const std::vector<PointF>& drawn);

}  // namespace optirace
