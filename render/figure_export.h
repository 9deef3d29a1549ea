// Figures rendered offscreen at any size (up to 7680 × 4320): the canvas, optionally with the
// loss plot beside it, read back and written as PNG. The same painters draw the window.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "canvas_painter.h"
#include "export_formats.h"
#include "loss_plot_painter.h"

namespace optirace {

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
  std::vector<std::uint8_t> rgba;  // rows top to bottom, unless rows says otherwise
  RowOrder rows = RowOrder::TopDown;
  // The first byte of row y counted from the top, whatever the order the rows are stored in.
  const std::uint8_t* row(int y) const {
    int stored = rows == RowOrder::TopDown ? y : height - 1 - y;
    return rgba.data() + static_cast<std::size_t>(stored) * width * 4;
  }
};

// Renders into a framebuffer of its own and reads it back; the caller's GL context must be
// current. Throws RenderError (e.g. a size the GL cannot allocate).
Image renderFigure(CanvasPainter& canvas, LossPlotPainter& plot, const Race& race,
                   const FigureRequest& request);

// The canvas's share of the figure's width: all of it, or 60 % with the loss plot beside it.
float canvasWidthOf(const FigureRequest& request);
// Throws RenderError when the request's size is outside 16 × 16 … kMaxExportWidth × …Height.
void checkFigureSize(const FigureRequest& request);
// Paints the figure into `target` (the request's size), leaving it bound: the frames of a video
// reuse one target.
void paintFigure(CanvasPainter& canvas, LossPlotPainter& plot, const Race& race,
                 const FigureRequest& request, const Framebuffer& target);

// The bound framebuffer's w × h pixels, rows top to bottom, made opaque; throws RenderError
// when GL reports an error.
Image readFramebuffer(int widthPx, int heightPx);

// The bound framebuffer's pixels as GL stores them (bottom row first, alpha as drawn) into
// `image`, reusing its memory: the frames of a video, where a flip would be wasted work.
void readFramebufferAsStored(int widthPx, int heightPx, Image& image);

// Writes PNG via a temporary file renamed into place; throws RenderError when it cannot.
void writePng(const Image& image, const std::string& path);

}  // namespace optirace
