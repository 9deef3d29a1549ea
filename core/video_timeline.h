// Which step of the race each frame of a video shows. The race runs from step 0 (the start
// markers) to its last step either in a given time (steps spread evenly over the frames) or at
// a given number of steps a frame; then the final frame is held so that the end can be read.
#pragma once

#include <string>

namespace optirace {

inline constexpr int kMaxVideoFps = 120;
inline constexpr double kMaxVideoSeconds = 600;
inline constexpr double kDefaultVideoSeconds = 8;  // the whole race, before the hold
inline constexpr double kVideoHoldSeconds = 1;

struct VideoTimeline {
  int fps = 30;
  long steps = 0;          // the race's last step
  long raceFrames = 1;     // frames from step 0 to `steps`, both included
  long holdFrames = 0;     // frames repeating the last one
  long stepsPerFrame = 0;  // > 0: frame k shows step k · stepsPerFrame; 0: evenly spread

  long frames() const { return raceFrames + holdFrames; }
  long stepAt(long frame) const;  // frame 0 … frames() − 1
  double seconds() const { return static_cast<double>(frames()) / fps; }
};

// The race in `seconds` (the steps spread over round(seconds · fps) frames).
VideoTimeline timelineForDuration(long steps, int fps, double seconds);
// `stepsPerFrame` steps each frame: ceil(steps / stepsPerFrame) + 1 frames.
VideoTimeline timelineForStepsPerFrame(long steps, int fps, long stepsPerFrame);

// Throws std::invalid_argument naming the value and the valid range when a video cannot be
// made of it.
void checkVideoFps(int fps);
void checkVideoSeconds(double seconds);

}  // namespace optirace
