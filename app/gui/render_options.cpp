#include "render_options.h"

#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "cli/cli_values.h"
#include "network/task_race.h"
#include "race_words.h"

namespace optirace::cli {

namespace {

// --out's format from its extension, and a folder that exists and can be written.
ExportFormat checkOutput(const RenderOptions& o) {
  if (o.out.empty())
    throw InputError("--out: required, the file to write (.png, .svg, .pdf, .mp4 or .gif)");
  std::optional<ExportFormat> format = exportFormatOfPath(o.out);
  if (!format)
    throw InputError("--out: unknown file type '" +
                     std::filesystem::path(o.out).extension().string() +
                     "' (valid: .png, .svg, .pdf, .mp4, .gif)");
  std::filesystem::path out(o.out);
  std::filesystem::path folder = out.parent_path().empty() ? "." : out.parent_path();
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error))
    throw InputError("--out: the folder '" + folder.string() + "' does not exist");
  if (access(folder.c_str(), W_OK) != 0)
    throw InputError("--out: the folder '" + folder.string() + "' cannot be written");
  bool videoFlags = !o.fps.empty() || !o.duration.empty() || !o.stepsPerFrame.empty();
  if (!isVideo(*format) && videoFlags)
    throw InputError("--fps, --duration and --steps-per-frame go with a .mp4 or .gif --out");
  if (isVector(*format) && o.view3d)
    throw InputError("--3d: the 3-D view has no vector form; write .png, .mp4 or .gif");
  if (isVideo(*format) && !o.atStep.empty())
    throw InputError("--at-step: a video shows every step; use --steps for where it ends");
  return *format;
}

// --3d and its camera; the angles without --3d are a mistake worth saying.
void check3d(const RenderOptions& o, RenderPlan& plan) {
  plan.view3d = o.view3d;
  plan.logHeight = !o.linearHeight;
  if (!o.view3d && (!o.azimuth.empty() || !o.elevation.empty() || o.linearHeight))
    throw InputError("--azimuth, --elevation and --linear-height go with --3d");
  if (!o.azimuth.empty()) {
    double a = parseNumberFlag("--azimuth", o.azimuth);
    if (a < -360 || a > 360)
      throw InputError("--azimuth: must be in [-360, 360] degrees (got " + o.azimuth + ")");
    plan.azimuth = a;
  }
  if (!o.elevation.empty()) {
    double e = parseNumberFlag("--elevation", o.elevation);
    if (e < kMinElevation || e > kMaxElevation)
      throw InputError("--elevation: must be in [5, 89] degrees (got " + o.elevation + ")");
    plan.elevation = e;
  }
}

// A task's figure has no surface: the flags that draw on one are mistakes worth naming.
void checkTaskFlags(const RenderOptions& o) {
  auto refuse = [](const std::string& flags) {
    throw InputError(flags +
                     ": the scenario trains a network (a task), whose figure has no surface; "
                     "valid with a task: --out, --width, --height, --steps, --at-step, --scale, "
                     "--plot, --light and a video's --fps, --duration, --steps-per-frame");
  };
  if (!o.surface.empty()) refuse("--surface");
  if (o.arrows || !o.racer.empty()) refuse("--arrows, --racer");
  if (o.field) refuse("--gradient-field");
  if (o.view3d) refuse("--3d");
  if (o.colormap != "viridis") refuse("--colormap");
}

VideoTimeline videoTimeline(const RenderOptions& o, long steps) {
  int fps = o.fps.empty() ? 30 : static_cast<int>(parseCountFlag("--fps", o.fps, 1, kMaxVideoFps));
  if (!o.duration.empty() && !o.stepsPerFrame.empty())
    throw InputError("--duration and --steps-per-frame: give one of them, not both");
  try {
    if (!o.stepsPerFrame.empty())
      return timelineForStepsPerFrame(
          steps, fps, parseCountFlag("--steps-per-frame", o.stepsPerFrame, 1, kMaxSteps));
    double seconds = kDefaultVideoSeconds;
    if (!o.duration.empty()) {
      seconds = parseNumberFlag("--duration", o.duration);
      checkVideoSeconds(seconds);
    }
    return timelineForDuration(steps, fps, seconds);
  } catch (const std::invalid_argument& e) {
    throw InputError(std::string(o.stepsPerFrame.empty() ? "--duration: " : "--steps-per-frame: ") +
                     e.what());
  }
}

}  // namespace

RenderPlan planRender(const RenderOptions& o) {
  if (o.scenario.empty()) throw InputError("--scenario: required, a scenario file (JSON)");
  RenderPlan plan;
  plan.out = o.out;
  plan.format = checkOutput(o);
  plan.width = static_cast<int>(parseCountFlag("--width", o.width, 16, kMaxExportWidth));
  plan.height = static_cast<int>(parseCountFlag("--height", o.height, 16, kMaxExportHeight));
  plan.scale = figureScaleForHeight(plan.height);
  if (!o.scale.empty()) {
    double s = parseNumberFlag("--scale", o.scale);
    if (s < 0.5 || s > 8) throw InputError("--scale: must be in [0.5, 8] (got " + o.scale + ")");
    plan.scale = static_cast<float>(s);
  }
  plan.colormap = -1;
  for (int i = 0; i < static_cast<int>(std::size(kColormapNames)); ++i)
    if (o.colormap == kColormapNames[i]) plan.colormap = i;
  if (plan.colormap < 0)
    throw InputError("--colormap: unknown '" + o.colormap +
                     "' (valid: viridis, magma, cividis, grayscale)");
  check3d(o, plan);
  Scenario& scenario = plan.scenario = loadScenarioFile(o.scenario);
  plan.task = scenario.task.has_value();
  if (plan.task) checkTaskFlags(o);
  if (!o.surface.empty()) {  // the scenario's racers on another surface, in its view
    scenario.surface = parseSurfaceSpec("--surface", o.surface);
    scenario.settings.view = scenario.surface.def().defaultView;
    if (scenario.titleIsGenerated) scenario.title = generatedTitle(scenario);
  }
  // A task's epochs are trained and kept whole, as in the window: at most kMaxWindowEpochs.
  const long maxSteps = plan.task ? kMaxWindowEpochs : kMaxSteps;
  plan.steps = o.steps.empty() ? scenario.steps : parseCountFlag("--steps", o.steps, 0, maxSteps);
  scenario.steps = std::max(scenario.steps, plan.steps);
  if (plan.task) requireWindowScenario(scenario, o.scenario);
  // --at-step: the race as it stood then (slides of steps 1, 2, 3 …), at most the budget.
  if (!o.atStep.empty()) plan.steps = parseCountFlag("--at-step", o.atStep, 0, scenario.steps);
  if (scenario.racers.empty() && (o.arrows || !o.racer.empty()))
    throw InputError("--arrows: the scenario has no racers");
  plan.racer = o.racer.empty()
                   ? 0
                   : static_cast<int>(parseCountFlag("--racer", o.racer, 1,
                                                     static_cast<long>(scenario.racers.size()))) -
                         1;
  plan.arrows = o.arrows;
  plan.field = o.field;
  plan.plot = o.plot;
  plan.light = o.light;
  if (isVideo(plan.format)) {
    plan.timeline = videoTimeline(o, plan.steps);
    if (plan.format == ExportFormat::Mp4 && (plan.width % 2 != 0 || plan.height % 2 != 0))
      throw InputError("--width, --height: an MP4 (yuv420p) needs even sizes (got " +
                       std::to_string(plan.width) + "x" + std::to_string(plan.height) + ")");
    scenario.steps = plan.steps;  // the video's race ends where its last frame is
  }
  return plan;
}

CLI::App* addRenderCommand(CLI::App& app, RenderOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "render",
      "Render a scenario's race as a figure (PNG, SVG, PDF) or a video (MP4, GIF); needs an X "
      "display (Xvfb works)");
  cmd->add_option("--scenario", o.scenario, "scenario file (JSON)");
  cmd->add_option("--surface", o.surface,
                  "NAME[:key=value,...] or expr:EXPRESSION[;name=value,...]: the scenario's "
                  "racers on this surface instead");
  cmd->add_option(
      "--out", o.out,
      "file to write: .png, .svg or .pdf (a figure), .mp4 or .gif (the race as a video)");
  cmd->add_option("--width", o.width, "width in pixels (default 1600, at most 7680)");
  cmd->add_option("--height", o.height, "height in pixels (default 1000, at most 4320)");
  cmd->add_option("--steps", o.steps,
                  "steps (a task's: epochs) to run (default: the scenario's budget)");
  cmd->add_option("--scale", o.scale,
                  "size of text, lines and markers (default height/1000, at least 1)");
  cmd->add_option("--colormap", o.colormap, "viridis, magma, cividis or grayscale");
  cmd->add_flag("--plot", o.plot, "put the loss plot beside the canvas");
  cmd->add_flag("--light", o.light, "light margins (for print)");
  cmd->add_option("--at-step", o.atStep,
                  "draw the race as it stood after K steps (0 … the scenario's step budget)");
  cmd->add_flag("--arrows", o.arrows,
                "the step inspector's arrows: the racer's next step, −η·g and the memory's share");
  cmd->add_option("--racer", o.racer, "whose arrows: the racer's number, 1 … count (default 1)");
  cmd->add_flag("--gradient-field", o.field, "−∇f as a grid of small arrows");
  cmd->add_flag("--3d", o.view3d, "the surface in 3-D with the paths on it");
  cmd->add_option("--azimuth", o.azimuth, "3-D: the camera's direction in degrees (default -60)");
  cmd->add_option("--elevation", o.elevation, "3-D: degrees above the plane, 5 … 89 (default 35)");
  cmd->add_flag("--linear-height", o.linearHeight, "3-D: height in f (default: log10(f − f*))");
  cmd->add_option("--fps", o.fps, "video: frames a second, 1 … 120 (default 30)");
  cmd->add_option("--duration", o.duration,
                  "video: seconds from the start to the last step (default 8; then a 1 s hold)");
  cmd->add_option("--steps-per-frame", o.stepsPerFrame,
                  "video: steps each frame advances (instead of --duration)");
  return cmd;
}

}  // namespace optirace::cli
