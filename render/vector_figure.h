// Figures as vectors: `fig.svg` or `fig.pdf`, drawn by the same painters' layout as the PNG
// (render/drawing.h) through Debian's cairo. Paths, contour lines, markers, axes, text and the
// loss plot are vectors (text stays text: selectable in the PDF); the heatmap's colour field is
// one embedded picture beneath them. Written to `path.partial` and renamed when complete.
#pragma once

#include <functional>
#include <string>

#include "figure_export.h"

namespace optirace {

// The GL context must be current (the heatmap's picture is rendered by its shader). Throws
// RenderError (the 3-D view, which has no vector form; a file that cannot be written).
void writeVectorFigure(CanvasPainter& canvas, LossPlotPainter& plot, const Race& race,
                       const FigureRequest& request, const std::string& path);

class CairoDrawing;

// An SVG or PDF (by the path's extension) of widthPx × heightPx whatever `paint` draws, through
// `path.partial` renamed into place; throws RenderError when it cannot be written.
void writeVectorFile(const std::string& path, int widthPx, int heightPx, const std::string& title,
                     const std::function<void(CairoDrawing&)>& paint);

}  // namespace optirace
