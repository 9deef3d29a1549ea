// The window's video export (Export → Video…): started from the panel's settings, drawn a
// slice each frame between the window's own frames so the window stays responsive, encoded on
// a thread of its own, cancellable; the status bar says where it was saved or why not. Closing
// the window mid-export cancels it and leaves no partial file.
#pragma once

#include <memory>

#include "app_state.h"
#include "video_export.h"

namespace optirace {

class VideoJob {
 public:
  explicit VideoJob(FontCache& fonts) : fonts_(fonts) {}
  // Acts on app.videoRequested / videoCancelRequested and draws the next slice of frames;
  // updates app.video. Binds framebuffers of its own: the caller rebinds the window's.
  void service(AppState& app);
  bool running() const { return static_cast<bool>(export_); }

 private:
  void start(AppState& app);
  FontCache& fonts_;
  std::unique_ptr<VideoExport> export_;
};

// The request the settings make of the current scenario, the view as the canvas shows it.
VideoRequest videoRequestFor(const AppState& app, const std::string& path);

}  // namespace optirace
