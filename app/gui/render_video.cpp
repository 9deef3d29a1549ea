#include "render_video.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>

#include "task_video.h"

namespace optirace::cli {

namespace {

std::atomic<bool> interrupted{false};
extern "C" void onInterrupt(int) {
  interrupted = true;
}

// Ctrl-C sets a flag while a video is made (the export then stops and removes its partial
// file); the previous handler comes back afterwards.
class InterruptFlag {
 public:
  InterruptFlag() {
    interrupted = false;
    previousInt_ = std::signal(SIGINT, onInterrupt);
    previousTerm_ = std::signal(SIGTERM, onInterrupt);
  }
  ~InterruptFlag() {
    std::signal(SIGINT, previousInt_);
    std::signal(SIGTERM, previousTerm_);
  }

 private:
  void (*previousInt_)(int);
  void (*previousTerm_)(int);
};

void printProgress(const VideoExport& video) {
  std::fprintf(stderr, "\roptirace render: frame %ld of %ld (%ld encoded)", video.framesDrawn(),
               video.frames(), video.framesEncoded());
  std::fflush(stderr);
}

// Draws until done, with a progress line on a terminal and Ctrl-C leaving nothing behind.
int makeVideo(VideoExport& video) {
  InterruptFlag flag;
  bool terminal = isatty(STDERR_FILENO);
  while (!video.drawFrames(0.25)) {
    if (interrupted) {
      std::cerr << (terminal ? "\n" : "") << "optirace render: interrupted; "
                << video.request().path << " not written\n";
      return 130;  // the export's destructor removes the partial file
    }
    if (terminal) printProgress(video);
  }
  VideoTimings t = video.finish();
  if (terminal) std::cerr << "\n";
  const VideoRequest& r = video.request();
  std::fprintf(stderr,
               "optirace render: wrote %s: %ld frames, %dx%d at %d fps (%.1f s) in %.2f s; "
               "drawing %.2f s, read-back %.2f s, encoding %.2f s (on its own thread)\n",
               r.path.c_str(), t.frames, r.figure.widthPx, r.figure.heightPx, r.timeline.fps,
               r.timeline.seconds(), t.total, t.drawing, t.readback, t.encoding);
  return 0;
}

}  // namespace

int renderVideo(const Scenario& scenario, VideoRequest request, FontCache& fonts) {
  VideoExport video(scenario, std::move(request), fonts);
  return makeVideo(video);
}

int renderTaskVideo(const TaskRace& race, SliceView slice, TaskFigureStyle style,
                    VideoRequest request, FontCache& fonts) {
  auto frames =
      std::make_unique<TaskFrames>(race, std::move(slice), std::move(style), request.figure.widthPx,
                                   request.figure.heightPx, fonts);
  VideoExport video(std::move(frames), std::move(request));
  return makeVideo(video);
}

}  // namespace optirace::cli
