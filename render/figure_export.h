// Figures rendered offscreen at any size (up to 7680 × 4320): the canvas, optionally with the
// loss plot beside it, read back and written as PNG. The same painters draw the window.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "canvas_painter.h"
#include "loss_plot_painter.h"

namespace optirace {

inline constexpr int kMaxExportWidth = 7680;
inline constexpr int kMaxExportHeight = 4320;

struct FigureRequest {
  int widthPx = 1600;
  int heightPx = 1000;
  float scale = 1.0f;  // sizes of text, lines and markers
  bool withLossPlot = false;
  std::string title;
  ViewBox camera;
  CanvasStyle canvas;
  LossPlotStyle plot;
};

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // rows top to bottom
};

// Renders into a framebuffer of its own and reads it back; the caller's GL context must be
// current. Throws RenderError (e.g. a size the GL cannot allocate).
Image renderFigure(CanvasPainter& canvas, LossPlotPainter& plot, const Race& race,
                   const FigureRequest& request);

// The bound framebuffer's w × h pixels, rows top to bottom, made opaque; throws RenderError
// when GL reports an error.
Image readFramebuffer(int widthPx, int heightPx);

// Writes PNG via a temporary file renamed into place; throws RenderError when it cannot.
void writePng(const Image& image, const std::string& path);

}  // namespace optirace
