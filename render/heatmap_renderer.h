// The contour heatmap of a surface, evaluated per pixel by its GLSL twin (shaders/), cached in
// a texture that is re-rendered only when the surface, its parameters, the view, the style or
// the size change.
#pragma once

#include <memory>
#include <string>

#include "export_formats.h"
#include "gl_objects.h"
#include "loss_range.h"
#include "surface.h"

namespace optirace {

enum class Colormap { Viridis = 0, Magma = 1, Cividis = 2, Grayscale = 3 };

struct HeatmapStyle {
  Colormap colormap = Colormap::Viridis;
  float contourSpacingDecades = 0.5f;  // a contour line every half decade of f − f*
  float contourWidthPx = 1.3f;
  float contourOpacity = 0.45f;
  bool operator==(const HeatmapStyle&) const = default;
};

class HeatmapRenderer {
 public:
  HeatmapRenderer();  // compiles the shader; throws RenderError

  // Draws into the bound framebuffer's viewport (x, y, w, h in GL pixels, origin lower-left)
  // the view box `view`. rawValues writes f itself (for a float target) instead of colour.
  void draw(const Surface& surface, const ViewBox& view, const LossRange& range,
            const HeatmapStyle& style, int x, int y, int w, int h, bool rawValues = false) const;

 private:
  // The program that draws this surface: the built-ins' one, or the typed surface's own,
  // generated from its tape and compiled when its text changes (the last one is kept).
  const ShaderProgram& programFor(const Surface& surface) const;

  ShaderProgram program_;
  mutable std::unique_ptr<ShaderProgram> typedProgram_;
  mutable std::string typedGlsl_;
  // The definition typedProgram_ was last checked for: the same one needs no GLSL written.
  mutable std::weak_ptr<const TypedDefinition> typedFor_;
  GlVertexArray emptyVao_;
};

class CachedHeatmap {
 public:
  // The heatmap texture for these inputs, re-rendered only when one of them changed.
  const Framebuffer& update(const HeatmapRenderer& renderer, const Surface& surface,
                            const ViewBox& view, const HeatmapStyle& style, int w, int h);
  const LossRange& range() const { return range_; }
  int renderCount() const { return renderCount_; }

 private:
  Framebuffer target_;
  const SurfaceDef* surface_ = nullptr;
  std::shared_ptr<const TypedDefinition> typed_;  // kept: a new text is a new definition
  SurfaceParams params_{};
  ViewBox view_;
  HeatmapStyle style_;
  LossRange range_;
  int renderCount_ = 0;
};

}  // namespace optirace
