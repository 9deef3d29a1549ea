#include "figure_export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "png_file.h"

namespace optirace {

void checkFigureSize(const FigureRequest& r) {
  if (r.widthPx < 16 || r.heightPx < 16 || r.widthPx > kMaxExportWidth ||
      r.heightPx > kMaxExportHeight)
    throw RenderError("figure size " + std::to_string(r.widthPx) + "x" +
                      std::to_string(r.heightPx) + " is outside 16x16 .. " +
                      std::to_string(kMaxExportWidth) + "x" + std::to_string(kMaxExportHeight));
}

float canvasWidthOf(const FigureRequest& r) {
  float w = static_cast<float>(r.widthPx);
  return r.withLossPlot ? std::floor(w * 0.6f) : w;
}

void paintFigure(CanvasPainter& canvas, LossPlotPainter& plot, const Race& race,
                 const FigureRequest& r, const Framebuffer& target) {
  target.bind();
  glClearColor(1, 1, 1, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  float w = static_cast<float>(r.widthPx), h = static_cast<float>(r.heightPx);
  float canvasW = canvasWidthOf(r);
  canvas.paint(race, r.camera, r.title, r.canvas, {0, 0, canvasW, h}, r.widthPx, r.heightPx,
               r.scale);
  if (r.withLossPlot) {
    plot.paint(race, r.plot, {canvasW, 0, w - canvasW, h}, r.widthPx, r.heightPx, r.scale);
  }
}

Image renderFigure(CanvasPainter& canvas, LossPlotPainter& plot, const Race& race,
                   const FigureRequest& r) {
  checkFigureSize(r);
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  Framebuffer target(r.widthPx, r.heightPx);
  paintFigure(canvas, plot, race, r, target);
  Image image = readFramebuffer(r.widthPx, r.heightPx);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  return image;
}

Image readFramebuffer(int widthPx, int heightPx) {
  Image image{widthPx, heightPx,
              std::vector<std::uint8_t>(static_cast<size_t>(widthPx) * heightPx * 4)};
  std::vector<std::uint8_t> bottomUp(image.rgba.size());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, widthPx, heightPx, GL_RGBA, GL_UNSIGNED_BYTE, bottomUp.data());
  checkGlErrors("readFramebuffer");
  std::size_t row = static_cast<std::size_t>(widthPx) * 4;
  for (int y = 0; y < heightPx; ++y)
    std::copy_n(bottomUp.data() + (heightPx - 1 - y) * row, row, image.rgba.data() + y * row);
  for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;  // opaque PNG
  return image;
}

void readFramebufferAsStored(int widthPx, int heightPx, Image& image) {
  image.width = widthPx;
  image.height = heightPx;
  image.rows = RowOrder::BottomUp;
  image.rgba.resize(static_cast<std::size_t>(widthPx) * heightPx * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, widthPx, heightPx, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  checkGlErrors("readFramebufferAsStored");
}

void writePng(const Image& image, const std::string& path) {
  if (!writeRgbPng(image.rgba.data(), image.width, image.height, 4, path))
    throw RenderError("cannot write " + path);
}

}  // namespace optirace
