// The window's video export (Export → Video…): started from the panel's settings, drawn a
// slice each frame between the window's own frames so the window stays responsive, encoded on
// a thread of its own, cancellable; the status bar says where it was saved or why not. Closing
// the window mid-export cancels it and leaves no partial file.
#pragma once

#include <memory>

#include "app_state.h"
#include "task_video.h"
#include "video_export.h"

namespace optirace {

class VideoJob {
 public:
  explicit VideoJob(FontCache& fonts) : fonts_(fonts) {}
  // Acts on app.videoRequested / videoCancelRequested and draws the next slice of frames;
  // updates app.video. Binds framebuffers of its own: the caller rebinds the window's.
  // taskSlice: the slice a task's video is drawn on (the one the window shows), when it has one.
  void service(AppState& app, const SliceView* taskSlice);
  bool running() const { return static_cast<bool>(export_); }

 private:
  void start(AppState& app, const SliceView* taskSlice);
  FontCache& fonts_;
  std::unique_ptr<VideoExport> export_;  // a race's or a task's
};

// The request the settings make of the current scenario, the view as the canvas shows it.
VideoRequest videoRequestFor(const AppState& app, const std::string& path);

}  // namespace optirace
