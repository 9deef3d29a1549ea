// The 3-D view of a race: the surface over the view box as a lit mesh carrying the heatmap's
// colours and contour lines (its cached texture), height linear in f or in log10(f − f* + δ)
// (the heatmap's own scale), and the racers' trajectories, starts, current points and the
// minimizers' stars lifted onto it. The picture is kept: the mesh is redrawn only when the
// camera, surface, view or size change, and the paths, projected with the same glm matrix and
// drawn over the mesh (never buried under a hill), only gain their new segments each frame.
#pragma once

#include <glm/glm.hpp>
#include <memory>
#include <vector>

#include "export_formats.h"
#include "gl_objects.h"
#include "heatmap_renderer.h"
#include "path_progress.h"
#include "plot_frame.h"
#include "race.h"
#include "vector_batch.h"

namespace optirace {

struct View3DStyle {
  bool enabled = false;
  double azimuthDeg = -60.0;   // the camera's direction about the vertical, from +x
  double elevationDeg = 35.0;  // above the base plane: kMinElevation … kMaxElevation
  double zoom = 1.0;           // 1: the whole box in view
  bool logHeight = true;       // height in log10(f − f* + δ), as the colours; false: f itself
  bool operator==(const View3DStyle&) const = default;
};
inline constexpr double kMinZoom = 0.3, kMaxZoom = 8.0;

// Where a point of the surface lies in the model (the view box as [−1, 1]², height 0 … 0.9)
// and where the model lies on the screen: one glm matrix for the mesh and the projected paths.
class View3DFrame {
 public:
  View3DFrame() = default;
  View3DFrame(const ViewBox& view, const LossRange& range, double linearTop, const View3DStyle& s,
              const RectPx& area);
  glm::dvec3 model(Vec2 w, double f) const;
  PointF toPixel(glm::dvec3 model) const;  // top-left origin
  PointF toPixel(Vec2 w, double f) const { return toPixel(model(w, f)); }
  double height(double f) const;  // 0 at the lowest f in view, 1 at the top of the scale
  const glm::mat4& matrix() const { return mvpFloat_; }
  const ViewBox& view() const { return view_; }

 private:
  ViewBox view_;
  LossRange range_;
  double linearTop_ = 1.0;
  bool logHeight_ = true;
  RectPx area_;
  glm::dmat4 mvp_{1.0};
  glm::mat4 mvpFloat_{1.0f};
};

class SurfaceView3D {
 public:
  SurfaceView3D();  // compiles the mesh shader; throws RenderError
  ~SurfaceView3D();
  SurfaceView3D(const SurfaceView3D&) = delete;
  SurfaceView3D& operator=(const SurfaceView3D&) = delete;

  // Brings the kept picture (area-sized, `paper` around the mesh) up to date: the mesh, and
  // every enabled racer's path up to its current point.
  void prepare(const HeatmapRenderer& renderer, const Race& race, const ViewBox& view,
               const HeatmapStyle& heatmap, const View3DStyle& style, const RectPx& area,
               Rgba paper, Rgba ink, float lineWidthPx, float scale, VectorBatch& batch,
               const FontAtlas& font);
  // Copies the kept picture into the bound target (targetH pixels high) at the area.
  void copyTo(int targetH) const;
  // Queues every enabled racer's start and current point, and the stars.
  void queueOverlays(const Race& race, VectorBatch& batch, float scale) const;
  // Projected points of the paths (a few hundred a racer), for placing the legend.
  std::vector<PointF> projectedData(const Race& race) const;
  const View3DFrame& frame() const { return frame_; }
  int meshRenders() const { return meshRenders_; }

 private:
  void buildMesh(const Surface& surface, const ViewBox& view);
  void uploadMesh(const ViewBox& view);
  void drawMesh(GLuint heatmapTexture, Rgba paper, Rgba ink, float scale, VectorBatch& batch,
                const FontAtlas& font);
  void drawBase(VectorBatch& batch, const FontAtlas& font, Rgba ink, float scale);
  // Draws the paths' segments not yet in the picture (all of them after a redraw).
  void drawNewSegments(const Race& race, float lineWidthPx, float scale, VectorBatch& batch,
                       const FontAtlas& font);

  ShaderProgram program_;
  GlVertexArray vao_;
  GlBuffer vbo_, ibo_;
  GLsizei indexCount_ = 0;
  CachedHeatmap heatmap_;
  Framebuffer layer_;
  std::vector<double> heights_;  // f on the mesh grid, for the linear scale's top
  double linearTop_ = 1.0;
  View3DFrame frame_;
  // What the kept mesh was built and drawn for.
  struct Key {
    const SurfaceDef* surface = nullptr;
    SurfaceParams params{};
    std::shared_ptr<const TypedDefinition> typed;  // kept: a new text is a new definition
    ViewBox view;
    bool operator==(const Key&) const = default;
  } meshKey_;
  struct Drawn {
    Key mesh;
    View3DStyle style;
    HeatmapStyle heatmap;
    int w = 0, h = 0;
    float paper[3] = {0, 0, 0};
    int heatmapRenders = -1;
    bool operator==(const Drawn&) const = default;
  } drawn_;
  RectPx area_;
  int meshRenders_ = 0;
  // How much of each racer's path the picture holds: up to which step, ending where, and what
  // would make it stale (another race, a thinned trajectory, a colour).
  struct PathDrawn {
    PathProgress progress;
    long stride = 1;
    std::uint32_t colour = 0;
    bool enabled = true;
  };
  std::uint64_t pathsOf_ = 0;  // the race they belong to (Race::id)
  std::vector<PathDrawn> paths_;
};

}  // namespace optirace
