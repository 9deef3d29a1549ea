#include "task_figure.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

#include "axis_ticks.h"
#include "cairo_drawing.h"
#include "canvas_painter.h"
#include "ellipsis.h"
#include "gl_objects.h"
#include "legend_place.h"
#include "network/task_pictures.h"
#include "sweep_picture.h"
#include "task_figure_parts.h"
#include "task_view_layout.h"
#include "vector_figure.h"

namespace optirace {

namespace {

constexpr double kPi = 3.14159265358979323846;

Rgba colourOf(std::uint32_t rgb, float alpha = 1.0f) {
  return Rgba::fromRgb(rgb, alpha);
}

// The figures' one size check (figure_export.h).
void checkSize(int widthPx, int heightPx) {
  FigureRequest size;
  size.widthPx = widthPx, size.heightPx = heightPx;
  checkFigureSize(size);
}

void paintBoundaries(CairoDrawing& d, const TaskFigureInk& k, const TaskRace& race,
                     DenseNetwork& network, RectPx area, TaskFigureLayout& layout) {
  const TaskDef& task = race.task();
  const FontAtlas& font = *k.font;
  const float px = font.pixelHeight(), line = px * 1.25f;
  d.text(font, {area.x, area.y},
         k.fit("Decision boundaries on " + std::string(task.title) +
                   ": the output ŷ over the input plane (blue 0, red 1)",
               area.w),
         k.ink);
  RectPx cells{area.x, area.y + line * 1.3f, area.w, area.h - line * 1.3f};
  const int n = static_cast<int>(race.racers().size());
  if (n == 0) {
    d.text(font, {cells.x, cells.y}, "No racer.", k.faint);
    return;
  }
  SquareGrid grid = bestSquareGrid(n, cells, 2 * line, px);
  const float side = std::floor(std::max(grid.side, 8.0f));
  const float usedW = grid.columns * side + (grid.columns - 1) * px;
  const ViewBox& v = task.inputView;
  const float radius =
      std::clamp(side / std::sqrt(float(task.data.samples)) * 0.2f, 1.5f * k.scale, px * 0.6f);
  const float ring = std::max(0.8f * k.scale, radius * 0.35f);  // thin: 300 points stay apart
  for (int i = 0; i < n; ++i) {
    const TaskRacer& racer = race.racers()[i];
    const int column = i % grid.columns, row = i / grid.columns;
    const float x = cells.x + (cells.w - usedW) / 2 + column * (side + px);
    const float y = cells.y + row * (side + 2 * line + px);
    const float swatch = px * 0.8f;
    d.rect({x, y + (px - swatch) / 2}, {x + swatch, y + (px + swatch) / 2},
           colourOf(racer.spec.colorRgb));
    d.text(font, {x + swatch * 1.4f, y}, k.fit(racer.spec.label, side - swatch * 1.4f), k.ink);
    const PointF p0{x, y + line}, p1{x + side, y + line + side};
    TaskPicture picture = decisionPicture(network, race.weightsAt(i, race.shown()), v,
                                          kFigureBoundaryCells, kFigureBoundaryCells);
    d.image(picture.rgba.data(), picture.width, picture.height, p0, p1);
    layout.boundaries.push_back({p0.x, p0.y, side, side});
    const float frame = std::max(2.0f, px * 0.15f);
    d.rectOutline({p0.x - frame / 2, p0.y - frame / 2}, {p1.x + frame / 2, p1.y + frame / 2},
                  colourOf(racer.spec.colorRgb), frame);
    // The data: each point in its class's colour, darker and ringed in white, so that it shows
    // on its own class's region and stands out on the other's.
    for (int s = 0; s < task.data.samples; ++s) {
      PointF at{p0.x + float((task.data.input(0, s) - v.xMin) / v.width()) * side,
                p0.y + float((v.yMax - task.data.input(1, s)) / v.height()) * side};
      d.disc(at, radius + ring, Rgba{1, 1, 1, 220 / 255.0f});
      d.disc(at, radius, colourOf(dataPointRgb(task.data.target(0, s) > 0.5 ? 1 : 0)));
    }
    d.text(font, {x, p1.y + frame}, k.fit(taskRowWords(race, i), side), k.faint);
  }
}

// The points of racer i's projected path up to the shown epoch, at most ~2000 segments.
std::vector<PointF> pathPoints(const SliceView& s, const TaskRace& race, int i,
                               const CanvasTransform& t) {
  std::vector<PointF> points;
  const auto& path = s.paths[i];
  const long last = std::min<long>(race.shown(), static_cast<long>(path.size()) - 1);
  const long stride = std::max(1L, last / 2000);
  for (long e = 0; e <= last; e += stride) points.push_back(t.toPixel(path[e]));
  if (last >= 0 && last % stride != 0) points.push_back(t.toPixel(path[last]));
  return points;
}

void paintColourBar(CairoDrawing& d, const TaskFigureInk& k, const LossLevels& lv, RectPx bar) {
  // One picture, top row the highest loss: bands drawn as rectangles leave anti-aliased seams.
  constexpr int kBands = 256;
  std::vector<std::uint8_t> column(4 * kBands);
  for (int b = 0; b < kBands; ++b) {
    std::vector<std::uint8_t> c = viridisRgb(1.0 - (b + 0.5) / kBands);
    std::copy_n(c.begin(), 3, column.begin() + 4 * b);
    column[4 * b + 3] = 255;
  }
  d.image(column.data(), 1, kBands, {bar.x, bar.y}, {bar.x + bar.w, bar.y + bar.h});
  const float px = k.font->pixelHeight();
  for (const Tick& t : logTicks(lv.logLo, lv.logHi, std::max(2, int(bar.h / (px * 2))))) {
    float y = bar.y + float((lv.logHi - t.value) / (lv.logHi - lv.logLo)) * bar.h;
    d.line({bar.x + bar.w, y}, {bar.x + bar.w + px * 0.3f, y}, k.ink, k.scale);
    d.text(*k.font, {bar.x + bar.w + px * 0.4f, y - px * 0.5f}, t.label, k.ink);
  }
}

void paintSlicePaths(CairoDrawing& d, const TaskFigureInk& k, const SliceView& s,
                     const TaskRace& race, const CanvasTransform& t) {
  const float width = std::max(2.0f, k.font->pixelHeight() * 0.16f);
  for (std::size_t i = 0; i < s.paths.size() && i < race.racers().size(); ++i) {
    std::vector<PointF> points = pathPoints(s, race, static_cast<int>(i), t);
    Rgba colour = colourOf(race.racers()[i].spec.colorRgb);
    d.polyline(points, Rgba{0, 0, 0, 150 / 255.0f}, width + 2 * k.scale);
    d.polyline(points, colour, width);
    if (!points.empty()) {
      d.disc(points.back(), width * 2.2f, Rgba{1, 1, 1, 1});
      d.disc(points.back(), width * 1.6f, colour);
    }
  }
  if (!s.paths.empty() && !s.paths[0].empty()) {  // the shared start, a white ring
    PointF start = t.toPixel(s.paths[0][0]);
    std::vector<PointF> ring;
    for (int a = 0; a <= 48; ++a)
      ring.push_back({start.x + width * 2.5f * float(std::cos(a * kPi / 24)),
                      start.y + width * 2.5f * float(std::sin(a * kPi / 24))});
    d.polyline(ring, Rgba{1, 1, 1, 1}, width);
  }
}

void paintSlice(CairoDrawing& d, const TaskFigureInk& k, const TaskRace& race, const SliceView& s,
                RectPx area, TaskFigureLayout& layout) {
  const FontAtlas& font = *k.font;
  const float px = font.pixelHeight(), line = px * 1.25f;
  d.text(font, {area.x, area.y + line}, k.fit("β: " + s.plane.secondLabel, area.w), k.faint);
  // Margins: tick labels on the left, ticks and the α label below, the colour bar on the right.
  const float left = font.widthOf("-0.00") + px * 0.6f;
  const float right = px * 1.2f + font.widthOf("1e-00") + px * 0.8f;
  RectPx plot{area.x + left, area.y + 2.2f * line, area.w - left - right - px * 0.5f,
              area.h - 2.2f * line - 2.4f * line};
  if (plot.w < 16 || plot.h < 16) return;
  TaskPicture picture = slicePicture(s.losses, s.columns, s.rows, s.levels);
  d.image(picture.rgba.data(), picture.width, picture.height, {plot.x, plot.y},
          {plot.x + plot.w, plot.y + plot.h});
  layout.slice = plot;
  d.rectOutline({plot.x, plot.y}, {plot.x + plot.w, plot.y + plot.h}, k.faint, k.scale);
  CanvasTransform t{plot, s.view};
  paintLinearTicks(d, k, plot, s.view);
  d.text(font, {plot.x + plot.w / 2, plot.y + plot.h + line * 1.25f},
         k.fit("α: " + s.plane.firstLabel, plot.w), k.ink, TextAlign::Centre);
  paintColourBar(d, k, s.levels, {plot.x + plot.w + px * 0.6f, plot.y, px * 0.9f, plot.h});

  d.clip({plot.x, plot.y}, {plot.x + plot.w, plot.y + plot.h});
  paintSlicePaths(d, k, s, race, t);
  d.unclip();

  // The legend where it hides least: racers and what the picture is, or where that would fill
  // the plot, only what the picture is (the racers' colours are named over their boundaries).
  std::vector<LegendEntry> entries;
  for (const TaskRacer& r : race.racers()) entries.push_back({r.spec.label, r.spec.colorRgb});
  std::vector<std::string> notes = {"paths: projections onto the slice",
                                    "heatmap: the loss on the slice (log)", "○ the shared start"};
  std::vector<PointF> drawn;
  for (std::size_t i = 0; i < s.paths.size() && i < race.racers().size(); ++i)
    for (PointF p : pathPoints(s, race, static_cast<int>(i), t)) drawn.push_back(p);
  std::optional<RectPx> legend = paintLegend(d, k, plot, entries, notes, drawn);
  if (!legend)
    legend = paintLegend(d, k, plot, {}, {"paths: projections", "heatmap: a slice"}, drawn);
  const bool fits = legend.has_value();
  if (legend) layout.sliceLegend = *legend;
  // The title says what the legend would, where there is no room for the legend.
  d.text(font, {area.x, area.y},
         k.fit(fits ? "Loss on a slice of weight space through the shared start"
                    : "Loss on a weight-space slice (paths: projections)",
               area.w),
         k.ink);
}

}  // namespace

std::string TaskFigureInk::fit(const std::string& text, float widthPx) const {
  return withEllipsis(text, widthPx, [this](const std::string& t) { return font->widthOf(t); });
}

TaskFigureLayout paintTaskFigure(CairoDrawing& d, FontCache& fonts, const TaskRace& race,
                                 const SliceView& slice, const TaskFigureStyle& style, int widthPx,
                                 int heightPx) {
  TaskFigureInk k{&fonts.atlas(kCanvasFontPx * style.scale), inkFor(style.lightTheme),
                  inkFor(style.lightTheme).withAlpha(0.7f), paperFor(style.lightTheme),
                  style.scale};
  const float w = static_cast<float>(widthPx), h = static_cast<float>(heightPx);
  const float px = k.font->pixelHeight(), margin = px;
  d.rect({0, 0}, {w, h}, k.paper);
  std::string title = style.title.empty() ? "Task: " + std::string(race.task().title) : style.title;
  title +=
      "  (epoch " + std::to_string(race.shown()) + " of " + std::to_string(race.budget()) + ")";
  d.text(*k.font, {margin, margin * 0.6f}, k.fit(title, w - 2 * margin), k.ink);
  RectPx a{margin, margin * 0.6f + px * 2, w - 2 * margin, h - margin * 1.6f - px * 2};
  TaskFigureLayout layout;
  if (style.withLossPlot) {  // the loss per epoch in the lower third
    float plotH = std::floor(a.h * 0.34f);
    layout.lossPlot = {a.x, a.y + a.h - plotH, a.w, plotH};
    a.h -= plotH + px;
  }
  TwoViews views = splitForTwoViews(a, px);  // as the window places them
  DenseNetwork network(race.task().shape, race.task().data);
  paintBoundaries(d, k, race, network, views.first, layout);
  paintSlice(d, k, race, slice, views.second, layout);
  if (style.withLossPlot)
    layout.lossPlot = paintTaskLossPlot(d, k, race, style.threshold, layout.lossPlot);
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
