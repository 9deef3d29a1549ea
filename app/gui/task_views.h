// The Race and Loss windows while the scenario trains a task's network (seed 003 §27.5): two
// views side by side on the canvas — each racer's decision boundary over the input plane with
// the data on it, live at the epoch shown, and the loss landscape on a 2-D slice of weight space
// through the shared initialisation with the racers' weight trajectories projected onto it —
// and the loss per epoch in the Loss window. The views are painted by the figures' code
// (render/task_view_painter.h) onto ImGui's draw lists over the window's clear background; the
// pictures are textures computed by core (task_pictures.h).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "app_state.h"
#include "font_atlas.h"
#include "gl_objects.h"
#include "network/slice_view.h"
#include "network/task_pictures.h"
#include "task_view_painter.h"

namespace optirace {

class TaskViews {
 public:
  void drawCanvas(AppState& app, FontCache& fonts);    // the Race window's content in task mode
  void drawLossPlot(AppState& app, FontCache& fonts);  // the Loss window's content in task mode

  const SliceView* slice() const { return sliceVersion_ >= 0 ? &slice_ : nullptr; }
  void setSliceChoice(const SliceChoice& choice) { choice_ = choice; }
  // Where the last frame drew each racer's decision boundary and the slice's picture (window
  // pixels), for the smoke test to compare with what core computes.
  const std::vector<RectPx>& boundaryRects() const { return boundaryRects_; }
  const RectPx& sliceRect() const { return sliceRect_; }

 private:
  // The window's font and colours for the painters (render/task_view_painter.h).
  static TaskViewInk windowInk(const AppState& app, FontCache& fonts);
  void toolbar(AppState& app);
  void refresh(const AppState& app);
  // Both views in `area` (task_canvas.cpp), then the slice's read-out under the mouse.
  void drawViews(const AppState& app, FontCache& fonts, RectPx area);

  SliceChoice choice_, sliceChoice_;
  int sliceVersion_ = -1;  // the task race the slice was computed for (AppState::taskRaceVersion)
  bool slicePending_ = false;  // its paths are the race's, its plane and landscape an earlier one's
  SliceView slice_;
  GlTexture sliceTexture_;
  GlTexture colourBarTexture_;  // viridis, the highest loss at the top
  int boundaryVersion_ = -1;
  long boundaryEpoch_ = -1;
  std::vector<GlTexture> boundaries_;
  std::vector<RectPx> boundaryRects_;
  RectPx sliceRect_;
  std::unique_ptr<DenseNetwork> network_;  // the task's network, for the pictures and read-outs
  const TaskDef* networkTask_ = nullptr;
};

}  // namespace optirace
