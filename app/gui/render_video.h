// `optirace render --out race.mp4|race.gif`: the race as a video, with a progress line on
// stderr (on a terminal) and Ctrl-C leaving no partial file.
#pragma once

#include <string>

#include "video_export.h"

namespace optirace::cli {

struct VideoFlags {
  std::string fps, duration, stepsPerFrame;
  bool any() const { return !fps.empty() || !duration.empty() || !stepsPerFrame.empty(); }
};

// The timeline the flags ask for over `steps` steps; throws InputError naming the flag.
VideoTimeline videoTimelineFor(const VideoFlags& flags, long steps);

// Draws and encodes; returns the exit status (0, or 130 after Ctrl-C, with nothing left behind).
// Throws RenderError.
int renderVideo(const Scenario& scenario, VideoRequest request, FontCache& fonts);

}  // namespace optirace::cli
