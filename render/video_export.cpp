#include "video_export.h"

#include <chrono>

#include "gif_palette.h"
#include "gl_target.h"

namespace optirace {

namespace {

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// Frames waiting for the encoder: enough to keep it busy while a frame is drawn, few enough
// that a 4K video does not hold a second of pictures in memory.
constexpr std::size_t kMostQueued = 3;

}  // namespace

RaceFrames::RaceFrames(const Scenario& scenario, const FigureRequest& figure, long lastStep,
                       FontCache& fonts)
    : scenario_(scenario), figure_(figure), canvas_(fonts), plot_(fonts) {
  checkFigureSize(figure_);  // before GL is asked for a target of the size
  target_ = Framebuffer(figure_.widthPx, figure_.heightPx);
  scenario_.steps = std::max(scenario_.steps, lastStep);
}

void RaceFrames::draw(long step, Image& image, VideoTimings& timings) {
  double started = now();
  if (!race_ || race_->stepsTaken() > step) race_ = std::make_unique<Race>(scenario_);
  race_->advance(step - race_->stepsTaken());
  paintFigure(canvas_, plot_, *race_, figure_, target_);
  finishDrawing();
  double drawn = now();
  readFramebufferAsStored(figure_.widthPx, figure_.heightPx, image);
  timings.drawing += drawn - started;
  timings.readback += now() - drawn;
}

VideoExport::VideoExport(const Scenario& scenario, const VideoRequest& request, FontCache& fonts)
    : VideoExport(
          std::make_unique<RaceFrames>(scenario, request.figure, request.timeline.steps, fonts),
          request) {}

VideoExport::VideoExport(std::unique_ptr<VideoFrames> frames, VideoRequest request)
    : frames_(std::move(frames)), request_(std::move(request)), startedAt_(now()) {
  checkFigureSize(request_.figure);
  VideoFormat format = videoFormatOfPath(request_.path);
  std::shared_ptr<GifPalette> palette;
  if (format == VideoFormat::Gif) {
    Image first = drawFrame(0);
    Image last = drawFrame(request_.timeline.steps);
    const Image* samples[] = {&first, &last};
    palette = std::make_shared<GifPalette>(samples);
  }
  encoder_ = std::make_unique<VideoEncoder>(request_.path, format, request_.figure.widthPx,
                                            request_.figure.heightPx, request_.timeline.fps,
                                            std::move(palette));
  encoderThread_ = std::thread([this] { encodeQueued(); });
}

VideoExport::~VideoExport() {
  {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
  }
  changed_.notify_all();
  if (encoderThread_.joinable()) encoderThread_.join();
  // encoder_ goes after the thread that used it, removing its partial file.
}

Image VideoExport::drawFrame(long step) {
  Image image;
  {
    std::lock_guard lock(mutex_);
    if (!pool_.empty()) {
      image = std::move(pool_.back());
      pool_.pop_back();
    }
  }
  frames_->draw(step, image, timings_);
  return image;
}

bool VideoExport::drawFrames(double budgetSeconds) {
  double until = now() + budgetSeconds;
  do {
    if (next_ == frames()) {
      {
        std::lock_guard lock(mutex_);
        if (error_) std::rethrow_exception(error_);
        noMoreFrames_ = true;
      }
      changed_.notify_all();
      return true;
    }
    {
      std::unique_lock lock(mutex_);
      if (error_) std::rethrow_exception(error_);
      if (queue_.size() >= kMostQueued) {
        // The encoder is behind: wait for it within the budget rather than draw ahead.
        changed_.wait_for(lock, std::chrono::duration<double>(std::max(0.0, until - now())),
                          [this] { return queue_.size() < kMostQueued || error_; });
        if (queue_.size() >= kMostQueued || error_) continue;
      }
    }
    const VideoTimeline& t = request_.timeline;
    Image frame;  // empty for the hold: the encoder repeats its last frame
    if (next_ < t.raceFrames) frame = drawFrame(t.stepAt(next_));
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(frame));
    }
    changed_.notify_all();
    ++next_;
  } while (now() < until);
  return false;
}

bool VideoExport::encodingDone() {
  std::lock_guard lock(mutex_);
  if (error_) std::rethrow_exception(error_);
  return encoderEnded_;
}

void VideoExport::encodeQueued() {
  try {
    for (;;) {
      Image frame;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return cancelled_ || noMoreFrames_ || !queue_.empty(); });
        if (cancelled_) return;
        if (queue_.empty()) break;  // and no more frames: done
        frame = std::move(queue_.front());
        queue_.pop_front();
      }
      changed_.notify_all();
      double started = now();
      if (frame.rgba.empty())
        encoder_->repeat();
      else
        encoder_->add(frame);
      encodingSeconds_ += now() - started;
      ++encoded_;
      if (!frame.rgba.empty()) {
        std::lock_guard lock(mutex_);
        pool_.push_back(std::move(frame));
      }
    }
    double started = now();
    encoder_->finish();
    encodingSeconds_ += now() - started;
  } catch (...) {
    std::lock_guard lock(mutex_);
    error_ = std::current_exception();
  }
  {
    std::lock_guard lock(mutex_);
    encoderEnded_ = true;
  }
  changed_.notify_all();
}

VideoTimings VideoExport::finish() {
  while (!drawFrames(1.0)) {  // the last call tells the encoder there are no more frames
  }
  encoderThread_.join();
  if (error_) std::rethrow_exception(error_);
  timings_.encoding = encodingSeconds_;
  timings_.frames = frames();
  timings_.total = now() - startedAt_;
  return timings_;
}

}  // namespace optirace
