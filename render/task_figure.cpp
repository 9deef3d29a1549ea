#include "task_figure.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

#include "cairo_drawing.h"
#include "canvas_painter.h"
#include "gl_objects.h"
#include "network/task_pictures.h"
#include "task_loss_plot.h"
#include "vector_figure.h"

namespace optirace {

namespace {

// The figures' one size check (figure_export.h).
void checkSize(int widthPx, int heightPx) {
  FigureRequest size;
  size.widthPx = widthPx, size.heightPx = heightPx;
  checkFigureSize(size);
}

// A figure's pictures, computed at its own resolution for each drawing.
class FigureBackdrop : public TaskViewBackdrop {
 public:
  FigureBackdrop(CairoDrawing& d, const TaskRace& race, const SliceView& slice)
      : d_(d), race_(race), slice_(slice), network_(race.task().shape, race.task().data) {}

  void boundaryPicture(int racer, PointF min, PointF max) override {
    TaskPicture p =
        decisionPicture(network_, race_.weightsAt(racer, race_.shown()), race_.task().inputView,
                        kFigureBoundaryCells, kFigureBoundaryCells);
    d_.image(p.rgba.data(), p.width, p.height, min, max);
  }
  void slicePicture(PointF min, PointF max) override {
    TaskPicture p =
        optirace::slicePicture(slice_.losses, slice_.columns, slice_.rows, slice_.levels);
    d_.image(p.rgba.data(), p.width, p.height, min, max);
  }
  void colourBar(PointF min, PointF max) override {
    const std::vector<std::uint8_t> column = colourBarColumn();
    d_.image(column.data(), 1, kColourBarBands, min, max);
  }

 private:
  CairoDrawing& d_;
  const TaskRace& race_;
  const SliceView& slice_;
  DenseNetwork network_;
};

}  // namespace

TaskFigureLayout paintTaskFigure(CairoDrawing& d, FontCache& fonts, const TaskRace& race,
                                 const SliceView& slice, const TaskFigureStyle& style, int widthPx,
                                 int heightPx) {
  TaskViewInk k{&fonts.atlas(kCanvasFontPx * style.scale), inkFor(style.lightTheme),
                inkFor(style.lightTheme).withAlpha(0.7f), paperFor(style.lightTheme), style.scale};
  const float w = static_cast<float>(widthPx), h = static_cast<float>(heightPx);
  const float px = k.font->pixelHeight(), margin = px;
  d.rect({0, 0}, {w, h}, k.paper);
  std::string title = style.title.empty() ? "Task: " + std::string(race.task().title) : style.title;
  title +=
      "  (epoch " + std::to_string(race.shown()) + " of " + std::to_string(race.budget()) + ")";
  d.text(*k.font, {margin, margin * 0.6f}, k.fit(d, title, w - 2 * margin), k.ink);
  RectPx a{margin, margin * 0.6f + px * 2, w - 2 * margin, h - margin * 1.6f - px * 2};
  TaskFigureLayout layout;
  if (style.withLossPlot) {  // the loss per epoch in the lower third
    float plotH = std::floor(a.h * 0.34f);
    layout.lossPlot = {a.x, a.y + a.h - plotH, a.w, plotH};
    a.h -= plotH + px;
  }
  FigureBackdrop backdrop(d, race, slice);
  TaskViewsLayout views = paintTaskViews(d, backdrop, k, race, slice, a, "No racer.");
  layout.boundaries = views.boundaries;
  layout.slice = views.slice, layout.sliceLegend = views.sliceLegend;
  if (style.withLossPlot)
    layout.lossPlot = paintTaskLossPlot(d, k, race, style.threshold, layout.lossPlot,
                                        {.logY = style.logY, .legend = true});
  return layout;
}

TaskFigureRaster::TaskFigureRaster(int widthPx, int heightPx) : width_(widthPx), height_(heightPx) {
  checkSize(widthPx, heightPx);
  surface_ = cairo_image_surface_create(CAIRO_FORMAT_RGB24, widthPx, heightPx);
}

TaskFigureRaster::~TaskFigureRaster() {
  cairo_surface_destroy(surface_);
}

TaskFigureLayout TaskFigureRaster::draw(FontCache& fonts, const TaskRace& race,
                                        const SliceView& slice, const TaskFigureStyle& style,
                                        Image& image) {
  cairo_t* cr = cairo_create(surface_);
  cairo_status_t status = cairo_status(cr);
  TaskFigureLayout layout;
  if (status == CAIRO_STATUS_SUCCESS) {
    CairoDrawing d(cr);
    layout = paintTaskFigure(d, fonts, race, slice, style, width_, height_);
    status = cairo_status(cr);
  }
  cairo_destroy(cr);
  if (status != CAIRO_STATUS_SUCCESS)
    throw RenderError(std::string("cannot draw the figure (") + cairo_status_to_string(status) +
                      ")");
  cairo_surface_flush(surface_);
  image.width = width_, image.height = height_, image.rows = RowOrder::TopDown;
  image.rgba.resize(static_cast<std::size_t>(width_) * height_ * 4);
  const unsigned char* data = cairo_image_surface_get_data(surface_);
  const int stride = cairo_image_surface_get_stride(surface_);
  for (int y = 0; y < height_; ++y) {  // RGB24: 0x00RRGGBB in native-endian words
    const unsigned char* in = data + static_cast<std::ptrdiff_t>(y) * stride;
    std::uint8_t* out = image.rgba.data() + static_cast<std::size_t>(y) * width_ * 4;
    for (int x = 0; x < width_; ++x) {
      std::uint32_t p;
      std::memcpy(&p, in + 4 * x, 4);
      out[4 * x] = (p >> 16) & 255, out[4 * x + 1] = (p >> 8) & 255, out[4 * x + 2] = p & 255;
      out[4 * x + 3] = 255;
    }
  }
  return layout;
}

Image taskFigureImage(FontCache& fonts, const TaskRace& race, const SliceView& slice,
                      const TaskFigureStyle& style, int widthPx, int heightPx,
                      TaskFigureLayout* layout) {
  Image image;
  TaskFigureLayout drawn =
      TaskFigureRaster(widthPx, heightPx).draw(fonts, race, slice, style, image);
  if (layout) *layout = drawn;
  return image;
}

void writeTaskFigure(FontCache& fonts, const TaskRace& race, const SliceView& slice,
                     const TaskFigureStyle& style, int widthPx, int heightPx,
                     const std::string& path) {
  std::optional<ExportFormat> format = exportFormatOfPath(path);
  if (format == ExportFormat::Png)
    return writePng(taskFigureImage(fonts, race, slice, style, widthPx, heightPx), path);
  if (format != ExportFormat::Svg && format != ExportFormat::Pdf)
    throw RenderError("'" + path + "': a task's figure is .png, .svg or .pdf");
  checkSize(widthPx, heightPx);
  writeVectorFile(path, widthPx, heightPx, style.title, [&](CairoDrawing& d) {
    paintTaskFigure(d, fonts, race, slice, style, widthPx, heightPx);
  });
}

}  // namespace optirace
