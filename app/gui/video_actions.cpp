#include "video_actions.h"

#include <cstdio>

#include "export_actions.h"

namespace optirace {

namespace {
// Time each window frame gives the video (at least one video frame is drawn): the window
// keeps redrawing at about 25 fps while a 1080p video is made (--bench-frames measures it).
constexpr double kSliceSeconds = 0.015;
}  // namespace

VideoRequest videoRequestFor(const AppState& app, const std::string& path) {
  const VideoSettings& v = app.settings.video;
  const VideoSize& size = kVideoSizes[v.size];
  FigureRequest figure = windowFigure(app);
  figure.widthPx = size.width;
  figure.heightPx = size.height;
  figure.scale = figureScaleForHeight(size.height);
  return {path, figure, timelineForDuration(app.scenario.steps, v.fps, v.seconds)};
}

void VideoJob::start(AppState& app, const SliceView* taskSlice) {
  const char* extension = app.settings.video.gif ? ".gif" : ".mp4";
  try {
    if (app.taskRace && !taskSlice)
      throw RenderError("the slice is still being computed; try again");
    std::string path = nextExportPath(app, extension);
    VideoRequest request = videoRequestFor(app, path);
    if (app.taskRace) {
      auto frames = std::make_unique<TaskFrames>(
          *app.taskRace, *taskSlice, taskFigureStyle(app, request.figure.scale),
          request.figure.widthPx, request.figure.heightPx, fonts_);
      export_ = std::make_unique<VideoExport>(std::move(frames), request);
    } else {
      export_ = std::make_unique<VideoExport>(app.scenario, request, fonts_);
    }
    app.video = {true, 0, export_->frames(), path};
    app.report("making " + path + " …", false);
  } catch (const std::exception& e) {
    export_.reset();
    app.video = {};
    app.report(std::string("video not made: ") + e.what(), true);
  }
}

void VideoJob::service(AppState& app, const SliceView* taskSlice) {
  if (app.videoCancelRequested) {
    app.videoCancelRequested = false;
    if (export_) {
      export_.reset();  // stops the encoder, removes the partial file
      app.report("video cancelled; " + app.video.path + " not written", false);
      app.video = {};
    }
  }
  if (app.videoRequested) {
    app.videoRequested = false;
    if (export_)
      app.report("a video is being made already: cancel it first or wait", true);
    else
      start(app, taskSlice);
  }
  if (!export_) return;
  try {
    bool drawn = export_->drawFrames(kSliceSeconds);
    app.video.encoded = export_->framesEncoded();
    if (!app.statusIsError) {  // the progress where it shows whatever panels there are room for
      char progress[640];
      std::snprintf(progress, sizeof progress,
                    "making %s: frame %ld of %ld (cancel: Export panel or File menu)",
                    app.video.path.c_str(), app.video.encoded, app.video.frames);
      app.report(progress, false);
    }
    if (drawn && export_->encodingDone()) {
      VideoTimings t = export_->finish();
      const VideoRequest& r = export_->request();
      char message[512];
      std::snprintf(message, sizeof message,
                    "saved %s (%dx%d, %ld frames, %.1f s of video, made in %.1f s)", r.path.c_str(),
                    r.figure.widthPx, r.figure.heightPx, t.frames, r.timeline.seconds(), t.total);
      export_.reset();
      app.video = {};
      app.report(message, false);
    }
  } catch (const std::exception& e) {
    std::string path = app.video.path;
    export_.reset();
    app.video = {};
    app.report("video " + path + " not saved: " + e.what(), true);
  }
}

}  // namespace optirace
