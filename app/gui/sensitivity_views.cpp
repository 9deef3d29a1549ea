// The Sensitivity panel's pictures: the curves, the grid with its colour bar, the basin map's
// key, and the basin map drawn over the canvas.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <utility>

#include "cli/sweep_output.h"
#include "fit_text.h"
#include "race_words.h"
#include "sensitivity_panel.h"
#include "sweep_figure.h"
#include "ui_probe.h"

namespace optirace {

namespace {
// The basin map over the canvas: opaque enough that its colours read as the key's, while the
// contours and paths still show through.
constexpr float kBasinOpacity = 0.8f;

// A clicked result: its axes' values on the racer (or the surface, for a surface parameter),
// then the race replayed with them.
void applyCell(AppState& app, RacerSpec& racer,
               std::initializer_list<std::pair<const SweepAxis*, double>> values) {
  try {
    for (auto [axis, value] : values) setAxisValue(*axis, value, racer, app.scenario.surface);
  } catch (const InputError& e) {  // the surface changed since the sweep
    app.report(std::string("not applied: ") + e.what(), true);
    return;
  }
  app.edited();
  app.playing = true;
}

ImU32 rgbU32(std::uint32_t rgb, float alpha = 1.0f) {
  return IM_COL32((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, static_cast<int>(alpha * 255));
}

// A sweep over several seeds: the band from the 10 % to the 90 % quantile of the final gap
// behind the median curve, in the racer's colour, translucent. Quantiles beyond the plot (runs
// that diverged count as +∞) run to its edge.
template <class ToScreen>
void drawSeedBand(const SweepJob& job, ImU32 colour, double lo, double hi,
                  const ToScreen& toScreen) {
  const SweepAxis& ax = job.spec().x;
  ImU32 fill = (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(60) << IM_COL32_A_SHIFT);
  auto level = [&](double gap) {
    return std::isfinite(gap) ? std::clamp(std::log10(std::max(gap, 1e-300)), lo, hi) : hi;
  };
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int i = 0; i + 1 < ax.count; ++i) {
    if (!job.cellDone(i, 0) || !job.cellDone(i + 1, 0)) continue;
    const SweepCell &c = job.cell(i, 0), &d = job.cell(i + 1, 0);
    if (c.divergedStep >= 0 || d.divergedStep >= 0) continue;
    double f = static_cast<double>(i) / (ax.count - 1),
           g = static_cast<double>(i + 1) / (ax.count - 1);
    draw->AddQuadFilled(toScreen(f, level(c.finalGapP10)), toScreen(f, level(c.finalGapP90)),
                        toScreen(g, level(d.finalGapP90)), toScreen(g, level(d.finalGapP10)), fill);
  }
}
}  // namespace

// What the basin map's colours mean: the colour of each minimizer's basin (as drawn over the
// canvas, at the overlay's opacity), none reached, diverged; darker is slower.
void SensitivityPanel::basinKey() {
  const SweepSpec& spec = jobs_.front()->spec();
  std::vector<Vec2> minimizers = spec.surface.minimizers();
  float sw = ImGui::GetTextLineHeight();
  auto swatch = [&](std::uint32_t rgb, const std::string& text) {
    sameLineIfFits(sw + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text.c_str()).x);
    ImGui::ColorButton(text.c_str(), ImGui::ColorConvertU32ToFloat4(rgbU32(rgb, kBasinOpacity)),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_AlphaPreview,
                       ImVec2(sw, sw));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(text.c_str());
  };
  ImGui::TextUnformatted("Basins: the minimizer each start reached (gold stars on the canvas)");
  for (std::size_t m = 0; m < minimizers.size(); ++m)
    swatch(paletteColor(m), std::string("(")
                                .append(shortNumber(minimizers[m].x))
                                .append(", ")
                                .append(shortNumber(minimizers[m].y))
                                .append(")"));
  swatch(0x969696, "none reached");
  swatch(0x8C0000, "diverged");
  ImGui::TextDisabled("darker: more steps to the threshold");
  ImGui::TextDisabled("screenshots show the race; \"Save figure\" exports the basin map itself");
}

void SensitivityPanel::drawCurves(AppState& app) {
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.y -= ImGui::GetFrameHeightWithSpacing() * 1.2f;
  if (size.x < 100 || size.y < 80) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float left = ImGui::GetFontSize() * 4, bottom = ImGui::GetFontSize() * 2.8f;
  ImVec2 a(origin.x + left, origin.y + 4), b(origin.x + size.x - 8, origin.y + size.y - bottom);
  draw->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const SweepAxis& ax = jobs_.front()->spec().x;
  // The y range: log10 of the final gaps that did not diverge, over all curves.
  std::vector<const SweepJob*> jobs;
  for (const auto& j : jobs_) jobs.push_back(j.get());
  auto [lo, hi] = curveGapLevels(jobs);
  if (!(hi > lo)) lo = -1, hi = 1;
  lo = std::floor(lo), hi = std::ceil(hi);
  auto toScreen = [&](double f, double logGap) {
    return ImVec2(static_cast<float>(a.x + f * (b.x - a.x)),
                  static_cast<float>(b.y - (logGap - lo) / (hi - lo) * (b.y - a.y)));
  };
  ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), grid = ImGui::GetColorU32(ImGuiCol_Border);
  for (const Tick& k : decadeTicks(lo, hi, 8)) {  // "1e-3", "1", "10": as on the loss plot
    ImVec2 p = toScreen(0, k.value);
    draw->AddLine(p, ImVec2(b.x, p.y), grid);
    float w = ImGui::CalcTextSize(k.label.c_str()).x;
    draw->AddText(ImVec2(a.x - 6 - w, p.y - ImGui::GetFontSize() * 0.5f), ink, k.label.c_str());
  }
  for (const Tick& k : sweepAxisTicks(
           ax, std::max(2, static_cast<int>((b.x - a.x) / (6 * ImGui::GetFontSize()))))) {
    ImVec2 p = toScreen(axisFraction(ax, k.value), lo);
    draw->AddLine(p, ImVec2(p.x, p.y + 4), ink);
    draw->AddText(ImVec2(p.x - ImGui::CalcTextSize(k.label.c_str()).x * 0.5f, b.y + 4), ink,
                  k.label.c_str());
  }
  // Axis titles: what was swept (and how), and what is plotted.
  std::string xTitle = ax.name();
  if (ax.logarithmic) xTitle.append("  (log scale)");
  draw->AddText(ImVec2(0.5f * (a.x + b.x) - ImGui::CalcTextSize(xTitle.c_str()).x * 0.5f,
                       b.y + 4 + ImGui::GetTextLineHeightWithSpacing()),
                ink, xTitle.c_str());
  int seeds = jobs_.front()->spec().seeds;
  std::string yTitle = "final f − f*";
  if (seeds > 1)
    yTitle.append(": median of ").append(std::to_string(seeds)).append(" seeds, band 10–90 %");
  draw->AddText(ImVec2(a.x + 4, a.y + 2), ink, yTitle.c_str());
  for (std::size_t j = 0; j < jobs_.size(); ++j) {
    const RacerSpec& r =
        app.scenario.racers[std::min<std::size_t>(jobRacers_[j], app.scenario.racers.size() - 1)];
    ImU32 colour = rgbU32(r.colorRgb);
    if (jobs_[j]->spec().seeds > 1) drawSeedBand(*jobs_[j], colour, lo, hi, toScreen);
    std::vector<ImVec2> line;
    for (int i = 0; i < ax.count; ++i) {
      if (!jobs_[j]->cellDone(i, 0)) continue;
      const SweepCell& c = jobs_[j]->cell(i, 0);
      double f = ax.count > 1 ? static_cast<double>(i) / (ax.count - 1) : 0.5;
      if (c.divergedStep >= 0) {  // diverged: a cross along the top edge
        ImVec2 p = toScreen(f, hi);
        draw->AddLine(ImVec2(p.x - 4, p.y + 1), ImVec2(p.x + 4, p.y + 9), colour, 2);
        draw->AddLine(ImVec2(p.x - 4, p.y + 9), ImVec2(p.x + 4, p.y + 1), colour, 2);
        if (line.size() > 1)
          draw->AddPolyline(line.data(), static_cast<int>(line.size()), colour, 0, 2.5f);
        line.clear();
        continue;
      }
      line.push_back(toScreen(f, std::log10(std::max(c.finalGap, 1e-300))));
    }
    if (line.size() > 1)
      draw->AddPolyline(line.data(), static_cast<int>(line.size()), colour, 0, 2.5f);
    // The racer's current setting as a dashed vertical line.
    double now = axisValueOf(ax, r, app.scenario.surface);
    if (now >= ax.lo && now <= ax.hi) {
      float x = toScreen(axisFraction(ax, now), lo).x;
      for (float y = a.y; y < b.y; y += 8)
        draw->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, b.y)), colour, 1.5f);
    }
  }
  // Legend, top right inside the plot: each racer with the settings that stayed fixed.
  const SweepSpec& spec = jobs_.front()->spec();
  std::vector<std::string> labels;
  float labelW = 0, row = ImGui::GetTextLineHeightWithSpacing();
  for (std::size_t j = 0; j < jobs_.size(); ++j) {
    labels.push_back(fixedSettingsLabel(
        app.scenario.racers[std::min<std::size_t>(jobRacers_[j], app.scenario.racers.size() - 1)],
        spec));
    labelW = std::max(labelW, ImGui::CalcTextSize(labels.back().c_str()).x);
  }
  float swatch = ImGui::GetFontSize() * 1.5f, pad = 6;
  ImVec2 box(b.x - labelW - swatch - 3 * pad, a.y + pad);
  if (box.x > a.x + left) {
    draw->AddRectFilled(box, ImVec2(b.x - pad, box.y + row * labels.size() + pad),
                        ImGui::GetColorU32(ImGuiCol_WindowBg));
    for (std::size_t j = 0; j < labels.size(); ++j) {
      float y = box.y + pad * 0.5f + row * j;
      ImU32 colour = rgbU32(
          app.scenario.racers[std::min<std::size_t>(jobRacers_[j], app.scenario.racers.size() - 1)]
              .colorRgb);
      draw->AddLine(ImVec2(box.x + pad, y + row * 0.5f),
                    ImVec2(box.x + pad + swatch, y + row * 0.5f), colour, 3);
      draw->AddText(ImVec2(box.x + 2 * pad + swatch, y), ink, labels[j].c_str());
    }
  }
  ImGui::InvisibleButton("curves", ImVec2(size.x, size.y));
  ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemHovered() && io.MousePos.x >= a.x && io.MousePos.x <= b.x) {
    double f = (io.MousePos.x - a.x) / (b.x - a.x);
    int i = static_cast<int>(std::lround(f * (ax.count - 1)));
    ImGui::BeginTooltip();
    ImGui::Text("%s = %.4g   (click: apply to the selected racer)", ax.name().c_str(),
                ax.valueAt(i));
    for (std::size_t j = 0; j < jobs_.size(); ++j)
      if (jobs_[j]->cellDone(i, 0)) {
        const SweepCell& c = jobs_[j]->cell(i, 0);
        const RacerSpec& r =
            app.scenario
                .racers[std::min<std::size_t>(jobRacers_[j], app.scenario.racers.size() - 1)];
        if (c.divergedStep >= 0)
          ImGui::Text("%s: diverged at %ld", r.label.c_str(), c.divergedStep);
        else
          ImGui::Text("%s: final f − f* = %.3e", r.label.c_str(), c.finalGap);
      }
    ImGui::EndTooltip();
    if (ImGui::IsItemClicked() && !app.scenario.racers.empty()) {
      RacerSpec& r = app.scenario.racers[app.selectedRacer];
      if (racerTakes(ax, r)) applyCell(app, r, {{&ax, ax.valueAt(i)}});
    }
  }
}

void SensitivityPanel::drawGrid(AppState& app) {
  const SweepSpec& spec = jobs_.front()->spec();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float labelRoom = ImGui::GetFontSize() * 4;  // the y ticks' labels, left of the grid
  float side = std::min(avail.x - labelRoom - ImGui::GetFontSize() * 5,
                        avail.y - ImGui::GetFrameHeightWithSpacing() * 3.5f);
  if (side < 64 || !texture_) return;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + labelRoom);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture_.id())),
               ImVec2(side, side));
  probeLastItem("sweep grid");
  bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Colour bar beside the grid.
  float barX = origin.x + side + 8, barW = ImGui::GetFontSize();
  for (int k = 0; k < 64; ++k) {
    std::vector<std::uint8_t> c = viridisRgb(1.0 - k / 63.0);
    draw->AddRectFilled(ImVec2(barX, origin.y + side * k / 64),
                        ImVec2(barX + barW, origin.y + side * (k + 1) / 64),
                        IM_COL32(c[0], c[1], c[2], 255));
  }
  // The colour bar's decades, and the grid's ticks on both axes.
  ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
  float font = ImGui::GetFontSize();
  double span = std::max(logGapMax_ - logGapMin_, 1e-12);
  for (const Tick& k :
       decadeTicks(logGapMin_, logGapMax_, std::max(2, static_cast<int>(side / (2 * font))))) {
    float y = origin.y + side - static_cast<float>((k.value - logGapMin_) / span) * side;
    draw->AddLine(ImVec2(barX + barW, y), ImVec2(barX + barW + 4, y), ink);
    draw->AddText(ImVec2(barX + barW + 6, y - 0.5f * font), ink, k.label.c_str());
  }
  for (const Tick& k : sweepAxisTicks(spec.x, std::max(2, static_cast<int>(side / (5 * font))))) {
    float x = origin.x + static_cast<float>(axisFraction(spec.x, k.value)) * side;
    draw->AddLine(ImVec2(x, origin.y + side), ImVec2(x, origin.y + side + 4), ink);
    draw->AddText(ImVec2(x - 0.5f * ImGui::CalcTextSize(k.label.c_str()).x, origin.y + side + 4),
                  ink, k.label.c_str());
  }
  for (const Tick& k : sweepAxisTicks(*spec.y, std::max(2, static_cast<int>(side / (2 * font))))) {
    float y = origin.y + side - static_cast<float>(axisFraction(*spec.y, k.value)) * side;
    draw->AddLine(ImVec2(origin.x - 4, y), ImVec2(origin.x, y), ink);
    draw->AddText(ImVec2(origin.x - 6 - ImGui::CalcTextSize(k.label.c_str()).x, y - 0.5f * font),
                  ink, k.label.c_str());
  }
  if (theoryOverlay_) drawBowlTheoryOverlay(draw, *theoryOverlay_, origin, side);
  // The selected racer's current setting as a cross-hair.
  if (!app.scenario.racers.empty()) {
    const RacerSpec& r = app.scenario.racers[app.selectedRacer];
    double fx = axisFraction(spec.x, axisValueOf(spec.x, r, app.scenario.surface)),
           fy = axisFraction(*spec.y, axisValueOf(*spec.y, r, app.scenario.surface));
    if (fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1) {
      ImVec2 c(origin.x + static_cast<float>(fx) * side,
               origin.y + static_cast<float>(1 - fy) * side);
      draw->AddLine(ImVec2(c.x - 10, c.y), ImVec2(c.x + 10, c.y), IM_COL32(255, 255, 255, 255), 2);
      draw->AddLine(ImVec2(c.x, c.y - 10), ImVec2(c.x, c.y + 10), IM_COL32(255, 255, 255, 255), 2);
    }
  }
  ImGui::Dummy(ImVec2(0, font * 1.2f));  // room for the x ticks
  ImGui::TextDisabled("x: %s (%s)   y: %s (%s)   dark red: diverged", spec.x.name().c_str(),
                      spec.x.logarithmic ? "log" : "lin", spec.y->name().c_str(),
                      spec.y->logarithmic ? "log" : "lin");
  if (theoryOverlay_)
    ImGui::TextDisabled(
        "lines: the rate ρ theory predicts per step (red: ρ = 1, divergence); "
        "ring: the optimal η and β");
  if (!hovered) return;
  ImGuiIO& io = ImGui::GetIO();
  int ix = std::clamp(static_cast<int>((io.MousePos.x - origin.x) / side * spec.x.count), 0,
                      spec.x.count - 1);
  int iy = std::clamp(static_cast<int>((1 - (io.MousePos.y - origin.y) / side) * spec.y->count), 0,
                      spec.y->count - 1);
  if (!jobs_.front()->cellDone(ix, iy)) return;
  const SweepCell& c = jobs_.front()->cell(ix, iy);
  ImGui::BeginTooltip();
  ImGui::Text("%s = %.4g, %s = %.4g", spec.x.name().c_str(), spec.x.valueAt(ix),
              spec.y->name().c_str(), spec.y->valueAt(iy));
  if (c.divergedStep >= 0)
    ImGui::Text("diverged at step %ld", c.divergedStep);
  else if (c.stepsToThreshold >= 0)
    ImGui::Text("final f − f* = %.3e, below the threshold from step %ld", c.finalGap,
                c.stepsToThreshold);
  else
    ImGui::Text("final f − f* = %.3e, never below the threshold", c.finalGap);
  ImGui::TextDisabled("click: apply to the racer and replay");
  ImGui::EndTooltip();
  if (clicked && app.selectedRacer < static_cast<int>(app.scenario.racers.size())) {
    RacerSpec& r = app.scenario.racers[app.selectedRacer];
    applyCell(app, r, {{&spec.x, spec.x.valueAt(ix)}, {&*spec.y, spec.y->valueAt(iy)}});
  }
}

void SensitivityPanel::drawBasinOverlay(const AppState& app,
                                        const std::optional<RectPx>& keepClear) {
  // A basin map belongs to the surface it was run on: over any other it would show basins
  // that are not there.
  if (!showBasin_ || jobs_.empty() || jobMode_ != Mode::Basin || !texture_ || !app.canvasVisible ||
      stale(app))
    return;
  const SweepSpec& spec = jobs_.front()->spec();
  const CanvasTransform& t = app.canvasView;
  if (t.area.w <= 0) return;
  // The grid's cells are centred on its sample points: extend by half a cell on each side.
  double hx = (spec.x.hi - spec.x.lo) / std::max(spec.x.count - 1, 1) / 2,
         hy = (spec.y->hi - spec.y->lo) / std::max(spec.y->count - 1, 1) / 2;
  PointF p0 = t.toPixel({spec.x.lo - hx, spec.y->hi + hy}),
         p1 = t.toPixel({spec.x.hi + hx, spec.y->lo - hy});
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  // Over the canvas but not over its legend: the area cut into the bands around the legend.
  ImVec2 lo(t.area.x, t.area.y), hi(t.area.x + t.area.w, t.area.y + t.area.h);
  std::vector<std::pair<ImVec2, ImVec2>> pieces;
  if (keepClear) {
    const RectPx& k = *keepClear;
    float kx0 = std::clamp(k.x, lo.x, hi.x), kx1 = std::clamp(k.x + k.w, lo.x, hi.x);
    float ky0 = std::clamp(k.y, lo.y, hi.y), ky1 = std::clamp(k.y + k.h, lo.y, hi.y);
    pieces = {{lo, ImVec2(hi.x, ky0)},
              {ImVec2(lo.x, ky1), hi},
              {ImVec2(lo.x, ky0), ImVec2(kx0, ky1)},
              {ImVec2(kx1, ky0), ImVec2(hi.x, ky1)}};
  } else {
    pieces = {{lo, hi}};
  }
  for (const auto& [min, max] : pieces) {
    if (max.x <= min.x || max.y <= min.y) continue;
    draw->PushClipRect(min, max, true);
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture_.id())),
                   ImVec2(p0.x, p0.y), ImVec2(p1.x, p1.y), ImVec2(0, 0), ImVec2(1, 1),
                   IM_COL32(255, 255, 255, static_cast<int>(kBasinOpacity * 255)));
    draw->PopClipRect();
  }
}

}  // namespace optirace
