#include "heatmap_renderer.h"

#include "expression/expression_glsl.h"
#include "expression/typed_surface.h"

namespace optirace {

HeatmapRenderer::HeatmapRenderer()
    : program_({"fullscreen.vert"}, {"colormaps.glsl", "heatmap.frag"}, surfacesGlsl()),
      emptyVao_(makeVertexArray()) {}

const ShaderProgram& HeatmapRenderer::programFor(const Surface& surface) const {
  const TypedDefinition* typed = surface.typed();
  if (!typed) return program_;
  if (typedProgram_ && typedFor_.lock().get() == typed) return *typedProgram_;
  typedFor_ = surface.typedShared();
  // Another definition: a new program only when its GLSL differs (an undo brings back a text).
  std::string glsl = typedSurfaceGlsl(typed->tape);
  if (!typedProgram_ || glsl != typedGlsl_) {
    typedProgram_ = std::make_unique<ShaderProgram>(
        std::initializer_list<const char*>{"fullscreen.vert"},
        std::initializer_list<const char*>{"colormaps.glsl", "heatmap.frag"}, glsl);
    typedGlsl_ = std::move(glsl);
  }
  return *typedProgram_;
}

void HeatmapRenderer::draw(const Surface& surface, const ViewBox& view, const LossRange& range,
                           const HeatmapStyle& style, int x, int y, int w, int h,
                           bool rawValues) const {
  glViewport(x, y, w, h);
  glDisable(GL_BLEND);
  const ShaderProgram& program = programFor(surface);
  program.use();
  glUniform1i(program.uniform("uSurface"), surface.def().index);
  float constants[kMaxSurfaceConstants];
  for (int i = 0; i < kMaxSurfaceConstants; ++i) constants[i] = float(surface.constants()[i]);
  glUniform1fv(program.uniform("uK"), kMaxSurfaceConstants, constants);
  glUniform1f(program.uniform("uMinimumValue"), float(range.floor));
  glUniform2f(program.uniform("uViewMin"), float(view.xMin), float(view.yMin));
  glUniform2f(program.uniform("uWorldPerPixel"), float(view.width() / w), float(view.height() / h));
  glUniform2f(program.uniform("uViewportOrigin"), float(x), float(y));
  glUniform1f(program.uniform("uDelta"), float(range.delta));
  glUniform1f(program.uniform("uLogMin"), float(range.logMin));
  glUniform1f(program.uniform("uLogMax"), float(range.logMax));
  glUniform1f(program.uniform("uContourSpacing"), style.contourSpacingDecades);
  glUniform1f(program.uniform("uContourWidthPx"), style.contourWidthPx);
  glUniform1f(program.uniform("uContourOpacity"), style.contourOpacity);
  glUniform1i(program.uniform("uColormap"), static_cast<int>(style.colormap));
  glUniform1i(program.uniform("uRawOutput"), rawValues ? 1 : 0);
  glBindVertexArray(emptyVao_.id());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
}

const Framebuffer& CachedHeatmap::update(const HeatmapRenderer& renderer, const Surface& surface,
                                         const ViewBox& view, const HeatmapStyle& style, int w,
                                         int h) {
  bool sizeChanged = !target_ || target_.width() != w || target_.height() != h;
  bool same = !sizeChanged && surface_ == &surface.def() && typed_ == surface.typedShared() &&
              params_ == surface.params() && view_.xMin == view.xMin && view_.xMax == view.xMax &&
              view_.yMin == view.yMin && view_.yMax == view.yMax && style_ == style;
  if (same) return target_;
  if (sizeChanged) target_ = Framebuffer(w, h);
  surface_ = &surface.def();
  typed_ = surface.typedShared();
  params_ = surface.params();
  view_ = view;
  style_ = style;
  range_ = lossRangeOver(surface, view);
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  target_.bind();
  renderer.draw(surface, view, range_, style, 0, 0, w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  ++renderCount_;
  return target_;
}

}  // namespace optirace
