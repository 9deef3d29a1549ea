// `optirace render --out race.mp4|race.gif`: the race as a video, with a progress line on
// stderr (on a terminal) and Ctrl-C leaving no partial file.
#pragma once

#include <string>

#include "task_figure.h"
#include "video_export.h"

namespace optirace::cli {

// Draws and encodes; returns the exit status (0, or 130 after Ctrl-C, with nothing left behind).
// Throws RenderError.
int renderVideo(const Scenario& scenario, VideoRequest request, FontCache& fonts);

// A task's race as a video (render/task_video.h): request.timeline's steps are epochs. The same
// exit statuses and Ctrl-C as renderVideo. Throws RenderError.
int renderTaskVideo(const TaskRace& race, SliceView slice, TaskFigureStyle style,
                    VideoRequest request, FontCache& fonts);

}  // namespace optirace::cli
