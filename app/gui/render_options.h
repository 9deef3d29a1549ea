// `optirace render`'s flags and everything checked before a pixel is drawn, without the GL:
// the command runs it first, and the argv fuzz target (fuzz/argv_fuzzer.cpp) runs it alone.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "export_formats.h"
#include "scenario.h"
#include "video_timeline.h"

namespace optirace::cli {

struct RenderOptions {
  std::string scenario, surface, out, width = "1600", height = "1000", steps, scale,
                                      colormap = "viridis", atStep, racer, azimuth, elevation;
  bool plot = false, light = false, arrows = false, field = false, view3d = false,
       linearHeight = false;
  std::string fps, duration, stepsPerFrame;  // video
};

// What the flags ask for, checked.
struct RenderPlan {
  std::string out;
  ExportFormat format = ExportFormat::Png;
  Scenario scenario;  // its budget at least the steps drawn
  bool task = false;  // the scenario trains a network: steps are epochs, the figure a task's
  long steps = 0;     // the step shown (a figure), or the last one (a video)
  int width = 1600, height = 1000;
  float scale = 1;
  int colormap = 0;  // into kColormapNames
  bool plot = false, light = false;
  bool arrows = false, field = false;
  int racer = 0;  // whose arrows, from 0
  bool view3d = false, logHeight = true;
  std::optional<double> azimuth, elevation;  // unset: the 3-D view's defaults
  std::optional<VideoTimeline> timeline;     // a video's
};

// Adds the `render` subcommand and its flags, stored into `o`.
CLI::App* addRenderCommand(CLI::App& app, RenderOptions& o);
// Throws InputError naming the flag and what is valid; reads the scenario file; checks that
// --out's folder exists and can be written.
RenderPlan planRender(const RenderOptions& o);

}  // namespace optirace::cli
