#include "task_video.h"

#include <chrono>

namespace optirace {

TaskFrames::TaskFrames(const TaskRace& race, SliceView slice, TaskFigureStyle style, int widthPx,
                       int heightPx, FontCache& fonts)
    : race_(race),
      slice_(std::move(slice)),
      style_(std::move(style)),
      raster_(widthPx, heightPx),
      fonts_(fonts) {}

void TaskFrames::draw(long epoch, Image& image, VideoTimings& timings) {
  const auto started = std::chrono::steady_clock::now();
  race_.seek(epoch);
  raster_.draw(fonts_, race_, slice_, style_, image);
  timings.drawing +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace optirace
