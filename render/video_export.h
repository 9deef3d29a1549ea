// A video made frame by frame — a race's (drawn offscreen by the same painters as the window and
// `render`, read back) or a task's (task_video.h) — each frame handed to an encoder on a thread
// of its own, so drawing and encoding overlap. Deterministic: the same scenario and request
// give the same frames.
//
// The caller draws in slices (drawFrames with a time budget), so a window can export in the
// background between its own frames; the CLI simply draws until done. Destroying an export
// before finish() cancels it and removes its partial file.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "figure_export.h"
#include "scenario.h"
#include "video_encoder.h"
#include "video_timeline.h"

namespace optirace {

struct VideoRequest {
  std::string path;  // .mp4 or .gif
  FigureRequest figure;
  VideoTimeline timeline;
};

// Where the time went, in seconds: drawing (GL, until the picture is finished), read-back (GL
// to memory), encoding (on the encoder's thread, overlapping the other two), and the whole
// export as the user waits for it.
struct VideoTimings {
  double drawing = 0, readback = 0, encoding = 0, total = 0;
  long frames = 0;
};

// What a video shows: the picture at a step (a task's: an epoch) of the request's size, drawn
// into `image` (whose memory a frame the encoder is done with lends), any step in any order.
class VideoFrames {
 public:
  virtual ~VideoFrames() = default;
  // Adds its time to timings.drawing (and .readback, where it reads a picture back).
  virtual void draw(long step, Image& image, VideoTimings& timings) = 0;
};

class VideoExport {
 public:
  // The GL context must be current, here and in drawFrames. Opens the partial file; a GIF's
  // palette is chosen from its first and last frames, drawn here. Throws RenderError.
  VideoExport(std::unique_ptr<VideoFrames> frames, VideoRequest request);
  // A race's video (RaceFrames).
  VideoExport(const Scenario& scenario, const VideoRequest& request, FontCache& fonts);
  ~VideoExport();
  VideoExport(const VideoExport&) = delete;
  VideoExport& operator=(const VideoExport&) = delete;

  // Draws frames for about `budgetSeconds` (at least one); true when every frame is drawn.
  // Rethrows an error of the encoder's thread.
  bool drawFrames(double budgetSeconds);
  // Every frame drawn and encoded, the file complete: finish() will not wait.
  bool encodingDone();
  // Draws what is left, waits for the encoder and renames the file into place. Throws
  // RenderError.
  VideoTimings finish();

  long frames() const { return request_.timeline.frames(); }
  long framesDrawn() const { return next_; }
  long framesEncoded() const { return encoded_.load(); }
  const VideoRequest& request() const { return request_; }

 private:
  // Draws the picture at `step` into a picture from the pool.
  Image drawFrame(long step);
  void encodeQueued();  // the encoder thread

  std::unique_ptr<VideoFrames> frames_;
  VideoRequest request_;
  std::unique_ptr<VideoEncoder> encoder_;
  long next_ = 0;
  VideoTimings timings_;
  double startedAt_ = 0;

  std::mutex mutex_;
  std::condition_variable changed_;
  // A frame for the encoder: a picture, or (empty) the last one again.
  std::deque<Image> queue_;
  std::vector<Image> pool_;  // pictures the encoder is done with, their memory reused
  bool noMoreFrames_ = false, cancelled_ = false, encoderEnded_ = false;
  std::exception_ptr error_;
  std::atomic<long> encoded_{0};
  double encodingSeconds_ = 0;  // written by the encoder thread, read after it ends
  std::thread encoderThread_;
};

// A race's frames: the scenario raced to each step and painted offscreen (paintFigure), read
// back as GL stores it.
class RaceFrames : public VideoFrames {
 public:
  RaceFrames(const Scenario& scenario, const FigureRequest& figure, long lastStep,
             FontCache& fonts);
  void draw(long step, Image& image, VideoTimings& timings) override;

 private:
  Scenario scenario_;
  FigureRequest figure_;
  CanvasPainter canvas_;
  LossPlotPainter plot_;
  Framebuffer target_;
  std::unique_ptr<Race> race_;
};

}  // namespace optirace
