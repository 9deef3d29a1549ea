// `optirace render`: a scenario's race as a figure (PNG; SVG and PDF as vectors) or a video
// (MP4, GIF), drawn in a hidden window: needs an X display (Xvfb is fine), says so clearly
// when there is none. Everything about the flags is checked first (render_options.h).
#include <iostream>

#include "cli/commands.h"
#include "cli/subcommand_registry.h"
#include "figure_export.h"
#include "render_options.h"
#include "render_video.h"
#include "task_figure.h"
#include "vector_figure.h"
#include "window/gl_window.h"

namespace optirace::cli {

namespace {

FigureRequest figureOf(const RenderPlan& plan) {
  FigureRequest request;
  request.widthPx = plan.width;
  request.heightPx = plan.height;
  request.scale = plan.scale;
  request.withLossPlot = plan.plot;
  request.title = plan.scenario.title;
  request.camera = plan.scenario.settings.view;
  request.canvas.heatmap.colormap = static_cast<Colormap>(plan.colormap);
  request.canvas.lightTheme = request.plot.lightTheme = plan.light;
  request.canvas.arrows = {.shown = plan.arrows, .racer = plan.racer, .field = plan.field};
  View3DStyle& v = request.canvas.view3d;
  v.enabled = plan.view3d;
  v.logHeight = plan.logHeight;
  if (plan.azimuth) v.azimuthDeg = *plan.azimuth;
  if (plan.elevation) v.elevationDeg = *plan.elevation;
  return request;
}

// A task's race: every racer trained for the budget, shown at the epoch asked for, on the slice
// through the principal components of the paths (the window's first choice).
int renderTask(const RenderPlan& plan, const FigureRequest& figure, FontCache& fonts) {
  TaskRace race(plan.scenario);
  SliceView slice = computeSliceView(race, SliceChoice{}, kFigureSliceCells);
  TaskFigureStyle style{.scale = plan.scale,
                        .lightTheme = plan.light,
                        .withLossPlot = plan.plot,
                        .title = plan.scenario.title,
                        .threshold = plan.scenario.settings.threshold};
  if (plan.timeline)
    return renderTaskVideo(race, std::move(slice), style, {plan.out, figure, *plan.timeline},
                           fonts);
  race.seek(plan.steps);
  writeTaskFigure(fonts, race, slice, style, plan.width, plan.height, plan.out);
  return 0;
}

int render(const RenderOptions& o) {
  RenderPlan plan = planRender(o);
  if (onlyChecking()) return 0;
  FigureRequest request = figureOf(plan);
  GlWindow window(64, 64, "optirace render", false);
  FontCache fonts(OPTIRACE_FONT_PATH);
  if (plan.task) return renderTask(plan, request, fonts);
  if (plan.timeline) return renderVideo(plan.scenario, {plan.out, request, *plan.timeline}, fonts);
  Race race(plan.scenario);
  CanvasPainter canvas(fonts);
  LossPlotPainter plot(fonts);
  race.advance(plan.steps);
  if (isVector(plan.format))
    writeVectorFigure(canvas, plot, race, request, plan.out);
  else
    writePng(renderFigure(canvas, plot, race, request), plan.out);
  return 0;
}

}  // namespace

void addOptionalCommands(CLI::App& app, std::function<int()>& action) {
  auto o = std::make_shared<RenderOptions>();
  CLI::App* cmd = addRenderCommand(app, *o);
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
