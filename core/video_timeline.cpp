#include "video_timeline.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "number_format.h"

namespace optirace {

namespace {
std::string formatShortNumber(double v) {
  std::string text;
  appendShortestNumber(text, v);
  return text;
}
long holdFor(int fps) {
  return std::lround(kVideoHoldSeconds * fps);
}
}  // namespace

long VideoTimeline::stepAt(long frame) const {
  if (frame >= raceFrames - 1) return steps;
  if (stepsPerFrame > 0) return std::min(steps, frame * stepsPerFrame);
  // Evenly spread, first frame at step 0 and frame raceFrames − 1 at the last step; in long
  // double so that 10⁷ steps over 10⁴ frames cannot round past the budget.
  long double share = static_cast<long double>(frame) / static_cast<long double>(raceFrames - 1);
  return std::min(steps, static_cast<long>(std::floor(share * steps)));
}

VideoTimeline timelineForDuration(long steps, int fps, double seconds) {
  checkVideoFps(fps);
  checkVideoSeconds(seconds);
  long frames = std::max(2L, std::lround(seconds * fps));
  return {fps, steps, frames, holdFor(fps), 0};
}

VideoTimeline timelineForStepsPerFrame(long steps, int fps, long stepsPerFrame) {
  checkVideoFps(fps);
  if (stepsPerFrame < 1)
    throw std::invalid_argument("must be at least 1 (got " + std::to_string(stepsPerFrame) + ")");
  long frames = (steps + stepsPerFrame - 1) / stepsPerFrame + 1;
  if (frames > static_cast<long>(kMaxVideoSeconds * fps))
    throw std::invalid_argument(std::to_string(stepsPerFrame) + " steps a frame make " +
                                std::to_string(frames) + " frames, longer than " +
                                std::to_string(static_cast<int>(kMaxVideoSeconds)) + " s at " +
                                std::to_string(fps) + " fps: take more steps a frame");
  return {fps, steps, frames, holdFor(fps), stepsPerFrame};
}

void checkVideoFps(int fps) {
  if (fps < 1 || fps > kMaxVideoFps)
    throw std::invalid_argument("must be 1 … " + std::to_string(kMaxVideoFps) +
                                " frames a second (got " + std::to_string(fps) + ")");
}

void checkVideoSeconds(double seconds) {
  if (!(seconds >= 0.1 && seconds <= kMaxVideoSeconds))
    throw std::invalid_argument("must be 0.1 … " +
                                std::to_string(static_cast<int>(kMaxVideoSeconds)) +
                                " seconds (got " + formatShortNumber(seconds) + ")");
}

}  // namespace optirace
