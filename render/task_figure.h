// A task race's figure for slides and papers (seed 003 §27.5's networks): each racer's decision
// boundary over the input plane with the data on it, the loss on the weight-space slice with
// the racers' paths projected onto it, and optionally the loss per epoch under them — the
// window's two views and its loss plot, at any size. Drawn through cairo (CairoDrawing), so one
// painter makes the PNG (cairo's own rasteriser), the SVG and the PDF (vectors and real text;
// the two heat pictures embedded beneath them) and a video's frames. The text's metrics come
// from the font atlas, which needs a current GL context, as every figure's do.
#pragma once

#include <cairo.h>

#include <string>
#include <vector>

#include "figure_export.h"
#include "font_atlas.h"
#include "network/slice_view.h"
#include "network/task_race.h"
#include "plot_frame.h"

namespace optirace {

class CairoDrawing;

struct TaskFigureStyle {
  float scale = 1.0f;  // text, lines and markers; figureScaleForHeight suits most sizes
  bool lightTheme = false;
  bool withLossPlot = false;  // the loss per epoch under the two views
  bool logY = true;           // its loss axis
  std::string title;          // empty: the task's name
  double threshold = 0.01;    // the loss plot's dashed line (the scenario's threshold)
};

// Where the figure's pictures went (figure pixels), for tests to compare with core's pictures.
struct TaskFigureLayout {
  std::vector<RectPx> boundaries;  // each racer's decision picture, in the race's order
  RectPx slice, lossPlot;          // lossPlot empty without the loss plot
  RectPx sliceLegend;              // empty where the slice has no legend
};

// The decision pictures' cells per side: finer than the window's, for print.
inline constexpr int kFigureBoundaryCells = 160;
// The slice's losses per side for `render` (the window keeps its own, 128, for speed).
inline constexpr int kFigureSliceCells = 160;

// Paints the race at its shown epoch into a widthPx × heightPx figure.
TaskFigureLayout paintTaskFigure(CairoDrawing& d, FontCache& fonts, const TaskRace& race,
                                 const SliceView& slice, const TaskFigureStyle& style, int widthPx,
                                 int heightPx);

// Figures of one size drawn as pixels again and again into one cairo surface (a video's frames
// reuse its memory and the picture's).
class TaskFigureRaster {
 public:
  TaskFigureRaster(int widthPx, int heightPx);  // throws RenderError for a size out of range
  ~TaskFigureRaster();
  TaskFigureRaster(const TaskFigureRaster&) = delete;
  TaskFigureRaster& operator=(const TaskFigureRaster&) = delete;

  // The race at its shown epoch into `image` (rows top to bottom, opaque). Throws RenderError.
  TaskFigureLayout draw(FontCache& fonts, const TaskRace& race, const SliceView& slice,
                        const TaskFigureStyle& style, Image& image);

 private:
  int width_, height_;
  cairo_surface_t* surface_;
};

// The figure as pixels: for PNG. Throws RenderError.
Image taskFigureImage(FontCache& fonts, const TaskRace& race, const SliceView& slice,
                      const TaskFigureStyle& style, int widthPx, int heightPx,
                      TaskFigureLayout* layout = nullptr);

// PNG, SVG or PDF by the path's extension, through `path.partial` renamed into place: nothing is
// left behind when it fails. Throws RenderError (the size, another extension, a failed write).
void writeTaskFigure(FontCache& fonts, const TaskRace& race, const SliceView& slice,
                     const TaskFigureStyle& style, int widthPx, int heightPx,
                     const std::string& path);

}  // namespace optirace
