#include "vector_figure.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <cstdio>
#include <functional>

#include "cairo_drawing.h"

namespace optirace {

namespace {

// A PDF measures in points: a pixel of the figure is 0.75 pt, as a CSS pixel (1/96 inch).
constexpr double kPointsPerPixel = 0.75;

}  // namespace

void writeVectorFile(const std::string& path, int widthPx, int heightPx, const std::string& title,
                     const std::function<void(CairoDrawing&)>& paint) {
  bool pdf = exportFormatOfPath(path) == ExportFormat::Pdf;
  std::string temp = path + ".partial";
  cairo_surface_t* surface = nullptr;
  if (pdf) {
    surface = cairo_pdf_surface_create(temp.c_str(), widthPx * kPointsPerPixel,
                                       heightPx * kPointsPerPixel);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "optirace");
  } else {
    surface = cairo_svg_surface_create(temp.c_str(), widthPx, heightPx);
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
  }
  cairo_t* cr = cairo_create(surface);
  if (pdf) cairo_scale(cr, kPointsPerPixel, kPointsPerPixel);
  cairo_status_t status = cairo_surface_status(surface);
  if (status == CAIRO_STATUS_SUCCESS) {
    CairoDrawing d(cr);
    paint(d);
    status = cairo_status(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    throw RenderError("cannot write " + path +
                      (status != CAIRO_STATUS_SUCCESS
                           ? std::string(" (") + cairo_status_to_string(status) + ")"
                           : std::string()));
  }
}

void writeVectorFigure(CanvasPainter& canvas, LossPlotPainter& plot, const Race& race,
                       const FigureRequest& r, const std::string& path) {
  checkFigureSize(r);
  if (r.canvas.view3d.enabled)
    throw RenderError("the 3-D view has no vector form: export it as PNG or video");
  writeVectorFile(path, r.widthPx, r.heightPx, r.title, [&](CairoDrawing& d) {
    float w = static_cast<float>(r.widthPx), h = static_cast<float>(r.heightPx);
    float canvasW = canvasWidthOf(r);
    canvas.paintVector(d, race, r.camera, r.title, r.canvas, {0, 0, canvasW, h}, r.scale);
    if (r.withLossPlot) plot.paintVector(d, race, r.plot, {canvasW, 0, w - canvasW, h}, r.scale);
  });
}

}  // namespace optirace
