#include "task_video.h"

#include "gif_palette.h"

namespace optirace {

namespace {
double secondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

TaskVideoExport::TaskVideoExport(const TaskRace& race, SliceView slice, TaskFigureStyle style,
                                 VideoRequest request, FontCache& fonts)
    : race_(race),
      slice_(std::move(slice)),
      style_(std::move(style)),
      request_(std::move(request)),
      fonts_(fonts) {
  const VideoFormat format = videoFormatOfPath(request_.path);
  std::shared_ptr<GifPalette> palette;
  if (format == VideoFormat::Gif) {  // from the first and last frames, as a race's video
    Image first = frameAt(0), last = frameAt(request_.timeline.steps);
    const Image* samples[] = {&first, &last};
    palette = std::make_shared<GifPalette>(samples);
  }
  encoder_ = std::make_unique<VideoEncoder>(request_.path, format, request_.figure.widthPx,
                                            request_.figure.heightPx, request_.timeline.fps,
                                            std::move(palette));
}

Image TaskVideoExport::frameAt(long epoch) {
  race_.seek(epoch);
  return taskFigureImage(fonts_, race_, slice_, style_, request_.figure.widthPx,
                         request_.figure.heightPx);
}

bool TaskVideoExport::drawFrames(double budgetSeconds) {
  const auto sliceStarted = std::chrono::steady_clock::now();
  do {
    if (encodingDone()) return true;
    const long epoch = request_.timeline.stepAt(next_);
    if (epoch == shownEpoch_) {  // a held or repeated epoch: the same picture again
      encoder_->repeat();
    } else {
      const auto drawing = std::chrono::steady_clock::now();
      Image frame = frameAt(epoch);
      const auto encoding = std::chrono::steady_clock::now();
      timings_.drawing += std::chrono::duration<double>(encoding - drawing).count();
      encoder_->add(frame);
      timings_.encoding += secondsSince(encoding);
    }
    shownEpoch_ = epoch;
    ++next_;
  } while (secondsSince(sliceStarted) < budgetSeconds);
  return encodingDone();
}

VideoTimings TaskVideoExport::finish() {
  while (!drawFrames(1.0)) {
  }
  encoder_->finish();
  timings_.frames = next_;
  timings_.total = secondsSince(started_);
  return timings_;
}

}  // namespace optirace
