// Paints a race on its surface: the cached contour heatmap, axes with tick labels, every
// racer's trajectory, start and current markers, diverged markers, gold stars at the global
// minimizers, a legend and a title. The same code paints the window and exported figures.
#pragma once

#include <optional>
#include <string>

#include "exit_mark.h"
#include "font_atlas.h"
#include "heatmap_renderer.h"
#include "plot_frame.h"
#include "race.h"
#include "step_arrows.h"
#include "surface_view3d.h"
#include "trajectory_layer.h"
#include "vector_batch.h"

namespace optirace {

struct CanvasStyle {
  HeatmapStyle heatmap;
  bool equalAspect = false;  // fill the area, as the seeds' figures do; true: one unit is one unit
  bool stepDots = false;
  bool legend = true;
  bool lightTheme = false;   // the margins' background and text
  float lineWidthPx = 2.5f;  // trajectory width at scale 1
  StepArrowStyle arrows;     // the step inspector's arrows (not kept in settings)
  View3DStyle view3d;        // the 3-D view instead of the map (not kept in settings)
};

// The canvas's text size at scale 1 (the map, the 3-D view and vector figures alike).
inline constexpr float kCanvasFontPx = 15.0f;

// Where the map goes in `bounds`: margins as wide as the tick labels and the title need, and
// the view fitted to the area (every format lays the canvas out with this).
CanvasTransform canvasLayout(const ViewBox& camera, const std::string& title,
                             const CanvasStyle& style, RectPx bounds, const FontAtlas& font,
                             float scale);

class CairoDrawing;

class CanvasPainter {
 public:
  explicit CanvasPainter(FontCache& fonts);  // throws RenderError

  // Paints into the bound framebuffer (targetW × targetH px) inside `bounds`; `scale` multiplies
  // every size (fonts, lines, markers) for high-resolution export. Returns the plot area and
  // visible view, for mapping the mouse. The same as prepare, then compose.
  CanvasTransform paint(const Race& race, const ViewBox& camera, const std::string& title,
                        const CanvasStyle& style, RectPx bounds, int targetW, int targetH,
                        float scale);
  // The two halves of paint, so that a frame renders every offscreen layer first and then
  // draws into the window in one pass (a software rasterizer flushes its work on every switch
  // of framebuffer). prepare brings the kept layers up to date offscreen; compose draws the
  // prepared picture into the bound framebuffer.
  CanvasTransform prepare(const Race& race, const ViewBox& camera, const std::string& title,
                          const CanvasStyle& style, RectPx bounds, float scale);
  void compose(const Race& race, int targetW, int targetH);
  // The two halves of compose, for a frame that copies every kept picture into the window
  // before it draws anything (llvmpipe rasterizes the window's queued drawing before each
  // copy): the kept picture (margins, axes, title, heatmap, trajectories) copied; then the
  // markers and the legend, which change every frame, drawn over it.
  void copyLayers(int targetW, int targetH);
  void drawOverlays(const Race& race, int targetW, int targetH);

  // The canvas as vectors (canvas_vector.cpp): the same layout and overlays, the heatmap's
  // colours as one picture, its contour lines and the paths as vector paths. The GL context
  // must be current (the picture is rendered by the heatmap's shader).
  void paintVector(CairoDrawing& d, const Race& race, const ViewBox& camera,
                   const std::string& title, const CanvasStyle& style, RectPx bounds, float scale);

  int heatmapRenderCount() const { return heatmap_.renderCount(); }
  int meshRenderCount() const { return view3d_.meshRenders(); }
  // The 3-D view's mapping from the surface to the picture, as painted last.
  const View3DFrame& view3dFrame() const { return view3d_.frame(); }
  // Where the legend was drawn last (target pixels), so that overlays can leave it clear.
  const std::optional<RectPx>& legendBox() const { return legendBox_; }
  int trajectoryRedraws() const { return trajectories_.fullRedraws(); }

 private:
  // What follows draws into any Drawing: the GL batch (window, PNG, video) or cairo (SVG,
  // PDF), so every format shares one layout.
  // Axes, ticks and the title; `origin` is where the drawing's (0, 0) lies in t's pixels.
  void drawDecorations(Drawing& d, const CanvasTransform& t, RectPx bounds,
                       const std::string& title, const FontAtlas& font, Rgba ink, float scale,
                       PointF origin = {});
  void drawAxes(Drawing& d, const CanvasTransform& t, const FontAtlas& font, Rgba ink, float scale);
  void drawMarkers(Drawing& d, const Race& race, const CanvasTransform& t, const FontAtlas& font,
                   float scale);
  void drawExitMark(Drawing& d, const ExitMark& mark, Rgba colour, const FontAtlas& font,
                    float scale);
  // The marks in the map's area, in order: the gradient field, stars, starts, racers, exit
  // arrows, and the inspected racer's step arrows, whose step (for their legend) it returns.
  struct InspectedStep {
    StepInspection inspection;
    Rgba colour;
  };
  std::optional<InspectedStep> drawMarksOnMap(Drawing& d, const Race& race,
                                              const CanvasTransform& t, const CanvasStyle& style,
                                              const FontAtlas& font, float scale);
  // The legend goes where it hides the fewest of `data` (pixels), by default the paths as t
  // maps them.
  void drawLegend(Drawing& d, const Race& race, const CanvasTransform& t, const FontAtlas& font,
                  float scale, const std::vector<PointF>* data = nullptr);
  // The 3-D view's halves of prepare and drawOverlays (surface_view3d.h).
  CanvasTransform prepare3d(const Race& race, const ViewBox& camera, const std::string& title,
                            const CanvasStyle& style, RectPx bounds, float scale);
  void drawOverlays3d(const Race& race, int targetW, int targetH);
  // The legend of the inspected racer's step arrows, beside the racers' legend.
  void drawArrowLegend(Drawing& d, const StepInspection& step, Rgba colour,
                       const CanvasTransform& t, const FontAtlas& font, float scale);

  // What the kept layer's margins show besides the axes (which follow the view).
  struct Decorations {
    std::string title;
    bool lightTheme = false;
    float scale = 0;
    bool operator==(const Decorations&) const = default;
  } decorations_;
  int decorationsVersion_ = 0;
  struct Prepared {
    CanvasTransform t;
    RectPx bounds;
    std::string title;
    CanvasStyle style;
    float scale = 1;
  } prepared_;
  std::optional<RectPx> legendBox_;
  FontCache& fonts_;
  HeatmapRenderer heatmapRenderer_;
  CachedHeatmap heatmap_;
  TrajectoryLayer trajectories_;
  SurfaceView3D view3d_;
  VectorBatch batch_;
};

// The racer whose step the arrows show, when it can take one.
const Racer* inspectedRacer(const Race& race, const StepArrowStyle& style);

// A racer's status as the legend words it: "converged at 57" (while below the threshold), "diverged
// at 12", or its current gap.
std::string racerStatusText(const Racer& racer);

}  // namespace optirace
