// The task canvas's two views (task_views.h): the racers' decision boundaries over the input
// plane with the data on them, and the loss on the weight-space slice with the projected paths,
// its axes, colour bar and legend. Drawn on ImGui's background list, under every panel and
// popup, inside the canvas's area.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "axis_ticks.h"
#include "draw_list_plot.h"
#include "fit_text.h"
#include "legend_place.h"
#include "panels.h"
#include "sweep_picture.h"
#include "task_view_layout.h"
#include "task_views.h"

namespace optirace {

namespace {
ImTextureID textureId(const GlTexture& t) {
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.id()));
}

void drawTicks(ImDrawList* draw, RectPx plot, const ViewBox& view, ImU32 ink, float font) {
  for (const Tick& t : linearTicks(view.xMin, view.xMax, std::max(2, int(plot.w / (font * 5))))) {
    float x = plot.x + float((t.value - view.xMin) / view.width()) * plot.w;
    draw->AddLine(ImVec2(x, plot.y + plot.h), ImVec2(x, plot.y + plot.h + font * 0.3f), ink);
    float w = ImGui::CalcTextSize(t.label.c_str()).x;
    draw->AddText(
        ImVec2(labelLeft(x, w, plot.x - font * 2, plot.x + plot.w), plot.y + plot.h + font * 0.35f),
        ink, t.label.c_str());
  }
  for (const Tick& t : linearTicks(view.yMin, view.yMax, std::max(2, int(plot.h / (font * 3))))) {
    float y = plot.y + float((view.yMax - t.value) / view.height()) * plot.h;
    draw->AddLine(ImVec2(plot.x - font * 0.3f, y), ImVec2(plot.x, y), ink);
    float w = ImGui::CalcTextSize(t.label.c_str()).x;
    draw->AddText(ImVec2(plot.x - font * 0.4f - w, y - font * 0.5f), ink, t.label.c_str());
  }
}
}  // namespace

void TaskViews::drawBoundaries(const AppState& app, RectPx area) {
  const TaskRace& race = *app.taskRace;
  const TaskDef& task = race.task();
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float font = ImGui::GetFontSize(), line = ImGui::GetTextLineHeightWithSpacing();
  draw->PushClipRect(ImVec2(area.x, area.y), ImVec2(area.x + area.w, area.y + area.h), true);
  std::string heading = "Decision boundaries on " + std::string(task.title) +
                        ": the output ŷ over the input plane (blue 0, red 1)";
  draw->AddText(ImVec2(area.x, area.y), ink, fitWithEllipsis(heading, area.w).c_str());
  RectPx cells{area.x, area.y + line * 1.3f, area.w, area.h - line * 1.3f};
  int n = static_cast<int>(race.racers().size());
  if (n == 0) {
    draw->AddText(ImVec2(cells.x, cells.y), faint, "No racer: add one in the Racers panel.");
    draw->PopClipRect();
    return;
  }
  boundaryRects_.clear();
  SquareGrid grid = bestSquareGrid(n, cells, 2 * line, font);
  float side = std::floor(std::max(grid.side, 8.0f));
  float usedW = grid.columns * side + (grid.columns - 1) * font;
  for (int i = 0; i < n; ++i) {
    const TaskRacer& racer = race.racers()[i];
    int column = i % grid.columns, row = i / grid.columns;
    float x = cells.x + (cells.w - usedW) / 2 + column * (side + font);
    float y = cells.y + row * (side + 2 * line + font);
    float swatch = font * 0.8f;
    draw->AddRectFilled(ImVec2(x, y + (font - swatch) / 2),
                        ImVec2(x + swatch, y + (font + swatch) / 2),
                        rgbColour(racer.spec.colorRgb));
    draw->AddText(ImVec2(x + swatch * 1.4f, y), ink,
                  fitWithEllipsis(racer.spec.label, side - swatch * 1.4f).c_str());
    ImVec2 p0(x, y + line), p1(x + side, y + line + side);
    draw->AddImage(textureId(boundaries_[i]), p0, p1);
    boundaryRects_.push_back({p0.x, p0.y, side, side});
    draw->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1),
                  rgbColour(racer.spec.colorRgb), 0, 0, std::max(2.0f, font * 0.15f));
    // The data: each point in its class's colour, darker and ringed in white, so that it shows
    // on its own class's region and stands out on the other's.
    const ViewBox& v = task.inputView;
    float radius = std::clamp(side / std::sqrt(float(task.data.samples)) * 0.2f, 1.5f, font * 0.6f);
    float ring = std::max(0.8f, radius * 0.35f);  // thin, so that 300 points stay apart
    for (int s = 0; s < task.data.samples; ++s) {
      float px = p0.x + float((task.data.input(0, s) - v.xMin) / v.width()) * side;
      float py = p0.y + float((v.yMax - task.data.input(1, s)) / v.height()) * side;
      int label = task.data.target(0, s) > 0.5 ? 1 : 0;
      draw->AddCircleFilled(ImVec2(px, py), radius + ring, IM_COL32(255, 255, 255, 220));
      draw->AddCircleFilled(ImVec2(px, py), radius, rgbColour(dataPointRgb(label)));
    }
    draw->AddText(ImVec2(x, p1.y + 2), faint, fitWithEllipsis(taskRowWords(race, i), side).c_str());
  }
  draw->PopClipRect();
}

void TaskViews::drawSlice(const AppState& app, RectPx area) {
  const TaskRace& race = *app.taskRace;
  const SliceView& s = slice_;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float font = ImGui::GetFontSize(), line = ImGui::GetTextLineHeightWithSpacing();
  draw->PushClipRect(ImVec2(area.x, area.y), ImVec2(area.x + area.w, area.y + area.h), true);
  draw->AddText(ImVec2(area.x, area.y + line), faint,
                fitWithEllipsis("β: " + s.plane.secondLabel, area.w).c_str());
  // Margins: tick labels on the left, ticks and the α label below, the colour bar on the right.
  float left = ImGui::CalcTextSize("-0.00").x + font * 0.6f;
  float right = font * 1.2f + ImGui::CalcTextSize("1e-00").x + font * 0.8f;
  RectPx plot{area.x + left, area.y + 2.2f * line, area.w - left - right - font * 0.5f,
              area.h - 2.2f * line - 2.4f * line};
  if (plot.w < 16 || plot.h < 16) {
    draw->PopClipRect();
    return;
  }
  ImVec2 p0(plot.x, plot.y), p1(plot.x + plot.w, plot.y + plot.h);
  draw->AddImage(textureId(sliceTexture_), p0, p1);
  sliceRect_ = plot;
  draw->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), faint);
  drawTicks(draw, plot, s.view, ink, font);
  std::string alpha = "α: " + s.plane.firstLabel;
  float alphaW = ImGui::CalcTextSize(alpha.c_str()).x;
  draw->AddText(
      ImVec2(plot.x + std::max(0.0f, (plot.w - alphaW) / 2), plot.y + plot.h + line * 1.25f), ink,
      fitWithEllipsis(alpha, plot.w).c_str());

  // The colour bar: log10 of the loss through viridis, decades labelled.
  RectPx bar{plot.x + plot.w + font * 0.6f, plot.y, font * 0.9f, plot.h};
  const int bands = 48;
  for (int b = 0; b < bands; ++b) {
    std::vector<std::uint8_t> c = viridisRgb(1.0 - (b + 0.5) / bands);
    draw->AddRectFilled(ImVec2(bar.x, bar.y + bar.h * b / bands),
                        ImVec2(bar.x + bar.w, bar.y + bar.h * (b + 1) / bands + 1),
                        IM_COL32(c[0], c[1], c[2], 255));
  }
  const LossLevels& lv = s.levels;
  for (const Tick& t : logTicks(lv.logLo, lv.logHi, std::max(2, int(plot.h / (font * 2))))) {
    float y = bar.y + float((lv.logHi - t.value) / (lv.logHi - lv.logLo)) * bar.h;
    draw->AddLine(ImVec2(bar.x + bar.w, y), ImVec2(bar.x + bar.w + font * 0.3f, y), ink);
    draw->AddText(ImVec2(bar.x + bar.w + font * 0.4f, y - font * 0.5f), ink, t.label.c_str());
  }

  // The paths up to the shown epoch, dark under their colour so that they read on viridis.
  auto toPixel = [&](Vec2 ab) {
    return ImVec2(plot.x + float((ab.x - s.view.xMin) / s.view.width()) * plot.w,
                  plot.y + float((s.view.yMax - ab.y) / s.view.height()) * plot.h);
  };
  draw->PushClipRect(p0, p1, true);
  float width = std::max(2.0f, font * 0.16f);
  std::vector<ImVec2> points;
  for (std::size_t i = 0; i < s.paths.size() && i < race.racers().size(); ++i) {
    const auto& path = s.paths[i];
    long last = std::min<long>(race.shown(), static_cast<long>(path.size()) - 1);
    long stride = std::max(1L, last / 2000);  // at most ~2000 segments a path
    points.clear();
    for (long k = 0; k <= last; k += stride) points.push_back(toPixel(path[k]));
    if (last >= 0 && (last % stride) != 0) points.push_back(toPixel(path[last]));
    std::uint32_t rgb = race.racers()[i].spec.colorRgb;
    draw->AddPolyline(points.data(), int(points.size()), IM_COL32(0, 0, 0, 150), 0, width + 2);
    draw->AddPolyline(points.data(), int(points.size()), rgbColour(rgb), 0, width);
    if (!points.empty()) {
      draw->AddCircleFilled(points.back(), width * 2.2f, IM_COL32(255, 255, 255, 255));
      draw->AddCircleFilled(points.back(), width * 1.6f, rgbColour(rgb));
    }
  }
  if (!s.paths.empty() && !s.paths[0].empty()) {  // the shared start
    ImVec2 start = toPixel(s.paths[0][0]);
    draw->AddCircle(start, width * 2.5f, IM_COL32(255, 255, 255, 255), 0, width);
  }
  draw->PopClipRect();

  // The legend where it hides least: racers and what the picture is, or where that would fill
  // the plot, only what the picture is (the racers' colours are named over their boundaries).
  std::vector<std::string> notes = {"paths: projections onto the slice",
                                    "heatmap: the loss on the slice (log)", "○ the shared start"};
  std::vector<const TaskRacer*> entries;
  for (const auto& r : race.racers()) entries.push_back(&r);
  auto legendSize = [&] {
    float w = 0;
    for (const TaskRacer* r : entries)
      w = std::max(w, ImGui::CalcTextSize(r->spec.label.c_str()).x + font * 1.4f);
    for (const auto& t : notes) w = std::max(w, ImGui::CalcTextSize(t.c_str()).x);
    return ImVec2(w + font, (entries.size() + notes.size()) * font * 1.15f + font * 0.6f);
  };
  // The paths' points drawn, for the legend to hide as few as it can (legend_place.h); where the
  // full legend does not fit, the short one, and where that does not either, none.
  std::vector<PointF> drawn;
  for (std::size_t i = 0; i < s.paths.size(); ++i) {
    long last = std::min<long>(race.shown(), long(s.paths[i].size()) - 1);
    for (long k = 0; k <= last; k += std::max(1L, last / 200)) {
      ImVec2 q = toPixel(s.paths[i][k]);
      drawn.push_back({q.x, q.y});
    }
  }
  ImVec2 size = legendSize();
  std::optional<PointF> corner = legendCorner(plot, size.x, size.y, font * 0.4f, drawn);
  if (!corner) {
    entries.clear();
    notes = {"paths: projections", "heatmap: a slice"};
    size = legendSize();
    corner = legendCorner(plot, size.x, size.y, font * 0.4f, drawn);
  }
  const bool legendFits = corner.has_value();
  const float legendW = size.x, legendH = size.y;
  const ImVec2 l0 = corner ? ImVec2(corner->x, corner->y) : p0;
  if (legendFits) {
    draw->AddRectFilled(
        l0, ImVec2(l0.x + legendW, l0.y + legendH),
        app.settings.lightTheme ? IM_COL32(255, 255, 255, 215) : IM_COL32(20, 20, 24, 215),
        font * 0.2f);
    float y = l0.y + font * 0.3f;
    for (const TaskRacer* r : entries) {
      draw->AddLine(ImVec2(l0.x + font * 0.3f, y + font * 0.55f),
                    ImVec2(l0.x + font * 1.1f, y + font * 0.55f), rgbColour(r->spec.colorRgb),
                    width);
      draw->AddText(ImVec2(l0.x + font * 1.4f, y), ink,
                    fitWithEllipsis(r->spec.label, legendW - font * 1.8f).c_str());
      y += font * 1.15f;
    }
    for (const auto& t : notes) {
      draw->AddText(ImVec2(l0.x + font * 0.3f, y), ink,
                    fitWithEllipsis(t, legendW - font * 0.6f).c_str());
      y += font * 1.15f;
    }
  }
  // The title says what the legend would, where there is no room for the legend.
  std::string title = legendFits ? "Loss on a slice of weight space through the shared start"
                                 : "Loss on a weight-space slice (paths: projections)";
  draw->AddText(ImVec2(area.x, area.y), ink, fitWithEllipsis(title, area.w).c_str());
  draw->PopClipRect();

  // The read-out under the mouse: (α, β) and the loss there.
  ImVec2 mouse = ImGui::GetIO().MousePos;
  if (ImGui::IsWindowHovered() && mouse.x >= p0.x && mouse.x <= p1.x && mouse.y >= p0.y &&
      mouse.y <= p1.y) {
    Vec2 ab{s.view.xMin + (mouse.x - plot.x) / plot.w * s.view.width(),
            s.view.yMax - (mouse.y - plot.y) / plot.h * s.view.height()};
    std::vector<double> w(s.plane.origin.size());
    s.plane.pointAt(ab, w);
    double loss = network_->evaluate(w).loss;
    ImGui::SetTooltip("α = %.4g\nβ = %.4g\nloss on the slice = %.4e", ab.x, ab.y, loss);
  }
}

}  // namespace optirace
