// A task's race made into a video: its figure (task_figure.h) at each frame's epoch, on one
// slice, encoded as it is drawn (MP4 or GIF). Drawn in slices of time, as a race's video
// (video_export.h), so that the window stays responsive while it makes one; `render` draws it
// whole. Destroying it before finish() removes its partial file.
#pragma once

#include <chrono>
#include <memory>

#include "task_figure.h"
#include "video_encoder.h"
#include "video_export.h"

namespace optirace {

class TaskVideoExport {
 public:
  // The race is copied (the window's may change while the video is made); request.figure gives
  // the size, request.timeline's steps are epochs. The GL context must be current here and in
  // drawFrames (the font atlas). Opens the partial file; a GIF's palette is chosen from the
  // first and last frames, drawn here. Throws RenderError.
  TaskVideoExport(const TaskRace& race, SliceView slice, TaskFigureStyle style,
                  VideoRequest request, FontCache& fonts);

  // Draws and encodes frames for about `budgetSeconds` (at least one); true when all are done.
  bool drawFrames(double budgetSeconds);
  bool encodingDone() const { return next_ >= frames(); }
  // Draws what is left and renames the file into place. Throws RenderError.
  VideoTimings finish();

  long frames() const { return request_.timeline.frames(); }
  long framesDrawn() const { return next_; }
  long framesEncoded() const { return next_; }
  const VideoRequest& request() const { return request_; }

 private:
  Image frameAt(long epoch);

  TaskRace race_;
  SliceView slice_;
  TaskFigureStyle style_;
  VideoRequest request_;
  FontCache& fonts_;
  std::unique_ptr<VideoEncoder> encoder_;
  long next_ = 0, shownEpoch_ = -1;
  VideoTimings timings_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace optirace
