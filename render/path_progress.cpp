#include "path_progress.h"

namespace optirace {

void drawPathPiece(VectorBatch& batch, const FontAtlas& font, const Framebuffer& layer,
                   std::span<const PointF> piece, const PathLook& look) {
  // Stencil values 1 … 255 name the racers (more than 255 share values: their casings then
  // also stay off the line of the racer 255 places before them).
  GLint id = 1 + look.racer % 255;
  glEnable(GL_STENCIL_TEST);
  glStencilMask(0xFF);
  glStencilFunc(GL_NOTEQUAL, id, 0xFF);
  glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
  batch.polyline(piece, Rgba{0, 0, 0, 0.55f}, look.casingPx);
  batch.flush(font, layer.width(), layer.height(), layer.rowOrder());
  glStencilFunc(GL_ALWAYS, id, 0xFF);
  glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
  batch.polyline(piece, look.colour, look.widthPx);
  if (look.stepDots)
    for (const PointF& q : piece) batch.spriteDisc(q, 0.9f * look.widthPx, look.colour);
  batch.flush(font, layer.width(), layer.height(), layer.rowOrder());
  glDisable(GL_STENCIL_TEST);
}

}  // namespace optirace
