// `optirace render`: the canvas (and optionally the loss plot) of a scenario as PNG, drawn in
// a hidden window: needs an X display (Xvfb is fine), says so clearly when there is none.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/cli_values.h"
#include "cli/commands.h"
#include "cli/subcommand_registry.h"
#include "figure_export.h"
#include "race_words.h"
#include "render_video.h"
#include "vector_figure.h"
#include "window/gl_window.h"

namespace optirace::cli {

namespace {
struct RenderOptions {
  std::string scenario, surface, out, width = "1600", height = "1000", steps, scale,
                                      colormap = "viridis", atStep, racer, azimuth, elevation;
  bool plot = false, light = false, arrows = false, field = false, view3d = false,
       linearHeight = false;
  VideoFlags video;
};

// --out's kind from its extension, and a folder that exists and can be written, checked before
// anything is drawn.
enum class OutputKind { Png, Video, Vector };
OutputKind checkOutput(const RenderOptions& o) {
  if (o.out.empty())
    throw InputError("--out: required, the file to write (.png, .svg, .pdf, .mp4 or .gif)");
  std::filesystem::path out(o.out);
  std::string ext = out.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  OutputKind kind;
  if (ext == ".png")
    kind = OutputKind::Png;
  else if (isVideoPath(o.out))
    kind = OutputKind::Video;
  else if (isVectorFigurePath(o.out))
    kind = OutputKind::Vector;
  else
    throw InputError("--out: unknown file type '" + ext +
                     "' (valid: .png, .svg, .pdf, .mp4, .gif)");
  std::filesystem::path folder = out.parent_path().empty() ? "." : out.parent_path();
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error))
    throw InputError("--out: the folder '" + folder.string() + "' does not exist");
  if (access(folder.c_str(), W_OK) != 0)
    throw InputError("--out: the folder '" + folder.string() + "' cannot be written");
  if (kind != OutputKind::Video && o.video.any())
    throw InputError("--fps, --duration and --steps-per-frame go with a .mp4 or .gif --out");
  if (kind == OutputKind::Vector && o.view3d)
    throw InputError("--3d: the 3-D view has no vector form; write .png, .mp4 or .gif");
  if (kind == OutputKind::Video && !o.atStep.empty())
    throw InputError("--at-step: a video shows every step; use --steps for where it ends");
  return kind;
}

// --3d and its camera; the angles without --3d are a mistake worth saying.
View3DStyle view3dFor(const RenderOptions& o) {
  View3DStyle v{.enabled = o.view3d, .logHeight = !o.linearHeight};
  if (!o.view3d && (!o.azimuth.empty() || !o.elevation.empty() || o.linearHeight))
    throw InputError("--azimuth, --elevation and --linear-height go with --3d");
  if (!o.azimuth.empty()) {
    double a = parseNumberFlag("--azimuth", o.azimuth);
    if (a < -360 || a > 360)
      throw InputError("--azimuth: must be in [-360, 360] degrees (got " + o.azimuth + ")");
    v.azimuthDeg = a;
  }
  if (!o.elevation.empty()) {
    double e = parseNumberFlag("--elevation", o.elevation);
    if (e < kMinElevation || e > kMaxElevation)
      throw InputError("--elevation: must be in [5, 89] degrees (got " + o.elevation + ")");
    v.elevationDeg = e;
  }
  return v;
}

int render(const RenderOptions& o) {
  if (o.scenario.empty()) throw InputError("--scenario: required, a scenario file (JSON)");
  OutputKind kind = checkOutput(o);
  FigureRequest request;
  request.widthPx = static_cast<int>(parseCountFlag("--width", o.width, 16, kMaxExportWidth));
  request.heightPx = static_cast<int>(parseCountFlag("--height", o.height, 16, kMaxExportHeight));
  request.scale = figureScaleForHeight(request.heightPx);
  if (!o.scale.empty()) {
    double s = parseNumberFlag("--scale", o.scale);
    if (s < 0.5 || s > 8) throw InputError("--scale: must be in [0.5, 8] (got " + o.scale + ")");
    request.scale = static_cast<float>(s);
  }
  int colormap = -1;
  for (int i = 0; i < 4; ++i)
    if (o.colormap == kColormapNames[i]) colormap = i;
  if (colormap < 0)
    throw InputError("--colormap: unknown '" + o.colormap +
                     "' (valid: viridis, magma, cividis, grayscale)");
  Scenario scenario = loadScenarioFile(o.scenario);
  if (!o.surface.empty()) {  // the scenario's racers on another surface, in its view
    scenario.surface = parseSurfaceSpec("--surface", o.surface);
    scenario.settings.view = scenario.surface.def().defaultView;
    if (scenario.titleIsGenerated) scenario.title = generatedTitle(scenario);
  }
  long steps = o.steps.empty() ? scenario.steps : parseCountFlag("--steps", o.steps, 0, kMaxSteps);
  scenario.steps = std::max(scenario.steps, steps);
  // --at-step: the race as it stood then (slides of steps 1, 2, 3 …), at most the budget.
  if (!o.atStep.empty()) steps = parseCountFlag("--at-step", o.atStep, 0, scenario.steps);
  if (scenario.racers.empty() && (o.arrows || !o.racer.empty()))
    throw InputError("--arrows: the scenario has no racers");
  long racer = o.racer.empty() ? 1
                               : parseCountFlag("--racer", o.racer, 1,
                                                static_cast<long>(scenario.racers.size()));
  request.canvas.arrows = {
      .shown = o.arrows, .racer = static_cast<int>(racer - 1), .field = o.field};
  request.canvas.view3d = view3dFor(o);
  request.withLossPlot = o.plot;
  request.title = scenario.title;
  request.camera = scenario.settings.view;
  request.canvas.heatmap.colormap = static_cast<Colormap>(colormap);
  request.canvas.lightTheme = request.plot.lightTheme = o.light;

  if (kind == OutputKind::Video) {
    VideoTimeline timeline = videoTimelineFor(o.video, steps);
    if (videoFormatOfPath(o.out) == VideoFormat::Mp4 &&
        (request.widthPx % 2 != 0 || request.heightPx % 2 != 0))
      throw InputError("--width, --height: an MP4 (yuv420p) needs even sizes (got " +
                       std::to_string(request.widthPx) + "x" + std::to_string(request.heightPx) +
                       ")");
    Scenario raced = scenario;
    raced.steps = steps;
    GlWindow window(64, 64, "optirace render", false);
    FontCache fonts(OPTIRACE_FONT_PATH);
    return renderVideo(raced, {o.out, request, timeline}, fonts);
  }
  Race race(scenario);
  GlWindow window(64, 64, "optirace render", false);
  FontCache fonts(OPTIRACE_FONT_PATH);
  CanvasPainter canvas(fonts);
  LossPlotPainter plot(fonts);
  race.advance(steps);
  if (kind == OutputKind::Vector)
    writeVectorFigure(canvas, plot, race, request, o.out);
  else
    writePng(renderFigure(canvas, plot, race, request), o.out);
  return 0;
}
}  // namespace

void addOptionalCommands(CLI::App& app, std::function<int()>& action) {
  auto o = std::make_shared<RenderOptions>();
  CLI::App* cmd = app.add_subcommand(
      "render", "Render a scenario's race to PNG (needs an X display; Xvfb works)");
  cmd->add_option("--scenario", o->scenario, "scenario file (JSON)");
  cmd->add_option("--surface", o->surface,
                  "NAME[:key=value,...] or expr:EXPRESSION[;name=value,...]: the scenario's "
                  "racers on this surface instead");
  cmd->add_option(
      "--out", o->out,
      "file to write: .png, .svg or .pdf (a figure), .mp4 or .gif (the race as a video)");
  cmd->add_option("--width", o->width, "width in pixels (default 1600, at most 7680)");
  cmd->add_option("--height", o->height, "height in pixels (default 1000, at most 4320)");
  cmd->add_option("--steps", o->steps, "steps to run (default: the scenario's budget)");
  cmd->add_option("--scale", o->scale,
                  "size of text, lines and markers (default height/1000, at least 1)");
  cmd->add_option("--colormap", o->colormap, "viridis, magma, cividis or grayscale");
  cmd->add_flag("--plot", o->plot, "put the loss plot beside the canvas");
  cmd->add_flag("--light", o->light, "light margins (for print)");
  cmd->add_option("--at-step", o->atStep,
                  "draw the race as it stood after K steps (0 … the scenario's step budget)");
  cmd->add_flag("--arrows", o->arrows,
                "the step inspector's arrows: the racer's next step, −η·g and the memory's share");
  cmd->add_option("--racer", o->racer, "whose arrows: the racer's number, 1 … count (default 1)");
  cmd->add_flag("--gradient-field", o->field, "−∇f as a grid of small arrows");
  cmd->add_flag("--3d", o->view3d, "the surface in 3-D with the paths on it");
  cmd->add_option("--azimuth", o->azimuth, "3-D: the camera's direction in degrees (default -60)");
  cmd->add_option("--elevation", o->elevation, "3-D: degrees above the plane, 5 … 89 (default 35)");
  cmd->add_flag("--linear-height", o->linearHeight, "3-D: height in f (default: log10(f − f*))");
  cmd->add_option("--fps", o->video.fps, "video: frames a second, 1 … 120 (default 30)");
  cmd->add_option("--duration", o->video.duration,
                  "video: seconds from the start to the last step (default 8; then a 1 s hold)");
  cmd->add_option("--steps-per-frame", o->video.stepsPerFrame,
                  "video: steps each frame advances (instead of --duration)");
  cmd->callback([o, &action] {
    action = [o] {
      try {
        return render(*o);
      } catch (const NoDisplayError& e) {
        std::cerr << "optirace render: " << e.what() << "\n";
        return 1;
      } catch (const RenderError& e) {
        std::cerr << "optirace render: " << e.what() << "\n";
        return 1;
      }
    };
  });
}

}  // namespace optirace::cli
