// A task's race as a video's frames (video_export.h): its figure (task_figure.h) at each
// frame's epoch, on one slice, drawn by cairo into one reused surface. VideoExport encodes them
// on its own thread, as a race's.
#pragma once

#include "task_figure.h"
#include "video_export.h"

namespace optirace {

class TaskFrames : public VideoFrames {
 public:
  // The race is copied (the window's may change while the video is made). The GL context must
  // be current while frames are drawn (the font atlas). Throws RenderError (the size).
  TaskFrames(const TaskRace& race, SliceView slice, TaskFigureStyle style, int widthPx,
             int heightPx, FontCache& fonts);
  void draw(long epoch, Image& image, VideoTimings& timings) override;

 private:
  TaskRace race_;
  SliceView slice_;
  TaskFigureStyle style_;
  TaskFigureRaster raster_;
  FontCache& fonts_;
};

}  // namespace optirace
