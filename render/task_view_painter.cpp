#include "task_view_painter.h"

#include <algorithm>
#include <cmath>

#include "axis_ticks.h"
#include "ellipsis.h"
#include "legend_place.h"
#include "network/task_pictures.h"
#include "sweep_picture.h"
#include "task_view_layout.h"

namespace optirace {

namespace {

constexpr double kPi = 3.14159265358979323846;

Rgba colourOf(std::uint32_t rgb) {
  return Rgba::fromRgb(rgb);
}

// The decision pictures' cells: the area below the view's title.
RectPx boundaryCells(RectPx area, float line) {
  return {area.x, area.y + line * 1.3f, area.w, area.h - line * 1.3f};
}
// Their grid: a racer's label above each picture and its row's words below it.
// their grid: with a label above each picture and its racer's words below it where the
// pictures leave those room to say something (four font heights wide); otherwise the pictures
// alone, framed in their racers' colours, which the leaderboard names (at a projector's 720 p
// and 200 % the two lines of "…" each left pictures some fifty pixels wide).
struct BoundaryGrid {
  SquareGrid grid;
  float textAbove = 0, textBelow = 0;  // the label's and the words' room
};
BoundaryGrid boundaryGrid(int racers, RectPx cells, float line, float px) {
  const SquareGrid captioned = bestSquareGrid(racers, cells, 2 * line, px);
  if (captioned.side >= 4 * px) return {captioned, line, line};
  return {bestSquareGrid(racers, cells, 0, px), 0, 0};
}

// The slice's plot in its view: two lines of title above, tick labels on the left, ticks and
// the α label below, the colour bar with its labels on the right.
RectPx slicePlotBox(const Drawing& d, const TaskViewInk& k, RectPx area) {
  const FontAtlas& font = *k.font;
  const float px = font.pixelHeight(), line = px * 1.25f;
  const float left = d.textWidth(font, "-0.00") + px * 0.6f;
  const float right = px * 1.2f + d.textWidth(font, "1e-00") + px * 0.8f;
  return {area.x + left, area.y + 2.2f * line, area.w - left - right - px * 0.5f,
          area.h - 2.2f * line - 2.4f * line};
}

// How large the views' pictures come out in `v`: the smaller of a decision picture's side and
// the slice plot's shorter side (the plot alone where there are no racers).
float pictureSize(const Drawing& d, const TaskViewInk& k, int racers, const TwoViews& v) {
  const float px = k.font->pixelHeight(), line = px * 1.25f;
  const RectPx plot = slicePlotBox(d, k, v.second);
  const float plotSide = std::min(plot.w, plot.h);
  if (racers == 0) return plotSide;
  return std::min(boundaryGrid(racers, boundaryCells(v.first, line), line, px).grid.side, plotSide);
}

// The two views in `area`, side by side or one above the other, whichever gives the pictures
// more room (the text around them takes the same room whatever their size: at a projector's
// 720 p and 200 % side by side left the slice no width, and an even split one above the other
// left its plot a strip some thirty pixels high); one above the other, the height is shared so
// that the pictures come out as large as both can be.
TwoViews viewsIn(const Drawing& d, const TaskViewInk& k, int racers, RectPx area) {
  const float px = k.font->pixelHeight();
  TwoViews sideBySide{area, area};
  sideBySide.first.w = std::floor(0.5f * (area.w - px));
  sideBySide.second.x = area.x + sideBySide.first.w + px;
  sideBySide.second.w = area.w - sideBySide.first.w - px;
  TwoViews best = sideBySide;
  float bestSize = pictureSize(d, k, racers, sideBySide);
  // Side by side wins ties where the area is wide, as it always did.
  if (area.w < 1.2f * area.h) bestSize -= 1;
  for (int percent = 20; percent <= 80; percent += 2) {
    TwoViews v{area, area};
    v.first.h = std::floor(percent / 100.0f * (area.h - px));
    v.second.y = area.y + v.first.h + px, v.second.h = area.h - v.first.h - px;
    const float size = pictureSize(d, k, racers, v);
    if (size > bestSize + 0.5f) best = v, bestSize = size;
  }
  return best;
}

void paintBoundaries(Drawing& d, TaskViewBackdrop& backdrop, const TaskViewInk& k,
                     const TaskRace& race, RectPx area, const std::string& noRacer,
                     TaskViewsLayout& layout) {
  const TaskDef& task = race.task();
  const FontAtlas& font = *k.font;
  const float px = font.pixelHeight(), line = px * 1.25f;
  d.text(font, {area.x, area.y},
         k.fit(d,
               "Decision boundaries on " + std::string(task.title) +
                   ": the output ŷ over the input plane (blue 0, red 1)",
               area.w),
         k.ink);
  RectPx cells = boundaryCells(area, line);
  const int n = static_cast<int>(race.racers().size());
  if (n == 0) {
    d.text(font, {cells.x, cells.y}, k.fit(d, noRacer, cells.w), k.faint);
    return;
  }
  const BoundaryGrid cellsGrid = boundaryGrid(n, cells, line, px);
  const SquareGrid& grid = cellsGrid.grid;
  const float above = cellsGrid.textAbove, below = cellsGrid.textBelow;
  const float side = std::floor(std::max(grid.side, 8.0f));
  const float usedW = grid.columns * side + (grid.columns - 1) * px;
  const ViewBox& v = task.inputView;
  // The points' size follows the picture's, down to a pixel and a half whatever the scale:
  // larger, 300 of them would hide a small picture (a projector's 200 % leaves ~130 px).
  const float radius =
      std::clamp(side / std::sqrt(float(task.data.samples)) * 0.2f, 1.5f, px * 0.6f);
  const float ring = std::max(0.8f, radius * 0.35f);  // thin: 300 points stay apart
  for (int i = 0; i < n; ++i) {
    const TaskRacer& racer = race.racers()[i];
    const int column = i % grid.columns, row = i / grid.columns;
    const float x = cells.x + (cells.w - usedW) / 2 + column * (side + px);
    const float y = cells.y + row * (side + above + below + px);
    if (above > 0) {
      const float swatch = px * 0.8f;
      d.rect({x, y + (px - swatch) / 2}, {x + swatch, y + (px + swatch) / 2},
             colourOf(racer.spec.colorRgb));
      d.text(font, {x + swatch * 1.4f, y}, k.fit(d, racer.spec.label, side - swatch * 1.4f), k.ink);
    }
    const PointF p0{x, y + above}, p1{x + side, y + above + side};
    backdrop.boundaryPicture(i, p0, p1);
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
    if (below > 0) d.text(font, {x, p1.y + frame}, k.fit(d, taskRowWords(race, i), side), k.faint);
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

void paintColourBar(Drawing& d, TaskViewBackdrop& backdrop, const TaskViewInk& k,
                    const LossLevels& lv, RectPx bar) {
  backdrop.colourBar({bar.x, bar.y}, {bar.x + bar.w, bar.y + bar.h});
  const float px = k.font->pixelHeight();
  LabelRow labels(px * 0.2f);
  for (const Tick& t : logTicks(lv.logLo, lv.logHi, std::max(2, int(bar.h / (px * 2))))) {
    float y = bar.y + float((lv.logHi - t.value) / (lv.logHi - lv.logLo)) * bar.h;
    d.line({bar.x + bar.w, y}, {bar.x + bar.w + px * 0.3f, y}, k.ink, k.scale);
    if (labels.take(y - px * 0.5f, y + px * 0.5f))
      d.text(*k.font, {bar.x + bar.w + px * 0.4f, y - px * 0.5f}, t.label, k.ink);
  }
}

// Returns the paths' points, for the legend to hide as few as it can.
std::vector<PointF> paintSlicePaths(Drawing& d, const TaskViewInk& k, const SliceView& s,
                                    const TaskRace& race, const CanvasTransform& t) {
  std::vector<PointF> drawn;
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
    drawn.insert(drawn.end(), points.begin(), points.end());
  }
  if (!s.paths.empty() && !s.paths[0].empty()) {  // the shared start, a white ring
    PointF start = t.toPixel(s.paths[0][0]);
    std::vector<PointF> ring;
    for (int a = 0; a <= 48; ++a)
      ring.push_back({start.x + width * 2.5f * float(std::cos(a * kPi / 24)),
                      start.y + width * 2.5f * float(std::sin(a * kPi / 24))});
    d.polyline(ring, Rgba{1, 1, 1, 1}, width);
  }
  return drawn;
}

void paintSlice(ClippingDrawing& d, TaskViewBackdrop& backdrop, const TaskViewInk& k,
                const TaskRace& race, const SliceView& s, RectPx area, TaskViewsLayout& layout) {
  const FontAtlas& font = *k.font;
  const float px = font.pixelHeight(), line = px * 1.25f;
  d.text(font, {area.x, area.y + line}, k.fit(d, "β: " + s.plane.secondLabel, area.w), k.faint);
  const RectPx plot = slicePlotBox(d, k, area);
  if (plot.w < 16 || plot.h < 16) return;
  backdrop.slicePicture({plot.x, plot.y}, {plot.x + plot.w, plot.y + plot.h});
  layout.slice = plot;
  d.rectOutline({plot.x, plot.y}, {plot.x + plot.w, plot.y + plot.h}, k.faint, k.scale);
  CanvasTransform t{plot, s.view};
  paintLinearTicks(d, k, plot, s.view);
  d.text(font, {plot.x + plot.w / 2, plot.y + plot.h + line * 1.25f},
         k.fit(d, "α: " + s.plane.firstLabel, plot.w), k.ink, TextAlign::Centre);
  paintColourBar(d, backdrop, k, s.levels,
                 {plot.x + plot.w + px * 0.6f, plot.y, px * 0.9f, plot.h});

  d.clip({plot.x, plot.y}, {plot.x + plot.w, plot.y + plot.h});
  const std::vector<PointF> drawn = paintSlicePaths(d, k, s, race, t);
  d.unclip();

  // The legend where it hides least: racers and what the picture is, or where that would fill
  // the plot, only what the picture is (the racers' colours are named over their boundaries).
  std::vector<LegendEntry> entries;
  for (const TaskRacer& r : race.racers()) entries.push_back({r.spec.label, r.spec.colorRgb});
  std::vector<std::string> notes = {"paths: projections onto the slice",
                                    "heatmap: the loss on the slice (log)", "○ the shared start"};
  std::optional<RectPx> legend = paintLegend(d, k, plot, entries, notes, drawn);
  if (!legend)
    legend = paintLegend(d, k, plot, {}, {"paths: projections", "heatmap: a slice"}, drawn);
  const bool fits = legend.has_value();
  if (legend) layout.sliceLegend = *legend;
  // The title says what the legend would, where there is no room for the legend.
  d.text(font, {area.x, area.y},
         k.fit(d,
               fits ? "Loss on a slice of weight space through the shared start"
                    : "Loss on a weight-space slice (paths: projections)",
               area.w),
         k.ink);
}

}  // namespace

std::vector<std::uint8_t> colourBarColumn() {
  std::vector<std::uint8_t> column(4 * kColourBarBands);
  for (int b = 0; b < kColourBarBands; ++b) {
    std::vector<std::uint8_t> c = viridisRgb(1.0 - (b + 0.5) / kColourBarBands);
    std::copy_n(c.begin(), 3, column.begin() + 4 * b);
    column[4 * b + 3] = 255;
  }
  return column;
}

std::string TaskViewInk::fit(const Drawing& d, const std::string& text, float widthPx) const {
  return withEllipsis(text, widthPx,
                      [this, &d](const std::string& t) { return d.textWidth(*font, t); });
}

TaskViewsLayout paintTaskViews(ClippingDrawing& d, TaskViewBackdrop& backdrop, const TaskViewInk& k,
                               const TaskRace& race, const SliceView& slice, RectPx area,
                               const std::string& noRacer) {
  TaskViewsLayout layout;
  const TwoViews views = viewsIn(d, k, static_cast<int>(race.racers().size()), area);
  paintBoundaries(d, backdrop, k, race, views.first, noRacer, layout);
  paintSlice(d, backdrop, k, race, slice, views.second, layout);
  return layout;
}

void paintLinearTicks(Drawing& d, const TaskViewInk& k, RectPx plot, const ViewBox& view) {
  const FontAtlas& font = *k.font;
  const float px = font.pixelHeight();
  LabelRow xLabels(px * 0.5f), yLabels(px * 0.2f);
  for (const Tick& t : linearTicks(view.xMin, view.xMax, std::max(2, int(plot.w / (px * 5))))) {
    float x = plot.x + float((t.value - view.xMin) / view.width()) * plot.w;
    d.line({x, plot.y + plot.h}, {x, plot.y + plot.h + px * 0.3f}, k.ink, k.scale);
    float w = d.textWidth(font, t.label);
    float left = std::clamp(x - w / 2, plot.x - px * 2, plot.x + plot.w - w);
    if (xLabels.take(left, left + w))
      d.text(font, {left, plot.y + plot.h + px * 0.35f}, t.label, k.ink);
  }
  for (const Tick& t : linearTicks(view.yMin, view.yMax, std::max(2, int(plot.h / (px * 3))))) {
    float y = plot.y + float((view.yMax - t.value) / view.height()) * plot.h;
    d.line({plot.x - px * 0.3f, y}, {plot.x, y}, k.ink, k.scale);
    if (yLabels.take(y - px * 0.5f, y + px * 0.5f))
      d.text(font, {plot.x - px * 0.4f, y - px * 0.5f}, t.label, k.ink, TextAlign::Right);
  }
}

std::optional<RectPx> paintLegend(Drawing& d, const TaskViewInk& k, RectPx plot,
                                  const std::vector<LegendEntry>& entries,
                                  const std::vector<std::string>& notes,
                                  const std::vector<PointF>& drawn) {
  const FontAtlas& font = *k.font;
  const float px = font.pixelHeight(), row = px * 1.15f;
  float w = 0;
  for (const LegendEntry& e : entries) w = std::max(w, d.textWidth(font, e.label) + px * 1.4f);
  for (const std::string& t : notes) w = std::max(w, d.textWidth(font, t));
  const float boxW = w + px, boxH = (entries.size() + notes.size()) * row + px * 0.6f;
  std::optional<PointF> corner = legendCorner(plot, boxW, boxH, px * 0.4f, drawn);
  if (!corner) return std::nullopt;
  const PointF l0 = *corner;
  d.rect(l0, {l0.x + boxW, l0.y + boxH}, k.paper.withAlpha(215 / 255.0f));
  float y = l0.y + px * 0.3f;
  const float width = std::max(2.0f, px * 0.16f);
  for (const LegendEntry& e : entries) {
    d.line({l0.x + px * 0.3f, y + px * 0.55f}, {l0.x + px * 1.1f, y + px * 0.55f},
           Rgba::fromRgb(e.rgb), width);
    d.text(font, {l0.x + px * 1.4f, y}, k.fit(d, e.label, boxW - px * 1.8f), k.ink);
    y += row;
  }
  for (const std::string& t : notes) {
    d.text(font, {l0.x + px * 0.3f, y}, k.fit(d, t, boxW - px * 0.6f), k.ink);
    y += row;
  }
  return RectPx{l0.x, l0.y, boxW, boxH};
}

}  // namespace optirace
