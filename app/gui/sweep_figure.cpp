#include "sweep_figure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "axis_ticks.h"
#include "cli/sweep_output.h"
#include "figure_export.h"
#include "vector_batch.h"

namespace optirace {

namespace {
constexpr float kFontPx = 15.0f;
const Rgba kInk{0.1f, 0.1f, 0.12f, 1};

// Position along a swept axis in [0, 1], and its ticks (decades on a log axis).
struct AxisMap {
  SweepAxis axis;
  double at(double v) const {
    if (axis.logarithmic)
      return (std::log10(v) - std::log10(axis.lo)) / (std::log10(axis.hi) - std::log10(axis.lo));
    return (v - axis.lo) / (axis.hi - axis.lo);
  }
  std::vector<Tick> ticks(int target) const {
    if (!axis.logarithmic) return linearTicks(axis.lo, axis.hi, target);
    std::vector<Tick> t = decadeTicks(std::log10(axis.lo), std::log10(axis.hi), target);
    for (Tick& k : t) k.value = std::pow(10.0, k.value);
    return t;
  }
};

Rgba viridis(double t) {
  std::vector<std::uint8_t> c = cli::viridisRgb(t);
  return {c[0] / 255.0f, c[1] / 255.0f, c[2] / 255.0f, 1};
}
}  // namespace

void writeSweepFigure(FontCache& fonts, const std::vector<const SweepJob*>& jobs,
                      const std::vector<RacerSpec>& racers, const std::string& path, int widthPx,
                      int heightPx, float scale) {
  if (jobs.empty()) return;
  const SweepSpec& spec = jobs.front()->spec();
  bool grid = spec.y.has_value();
  bool basin = spec.x.quantity != SweepAxis::Quantity::Hyper;
  const FontAtlas& font = fonts.atlas(kFontPx * scale);
  float w = static_cast<float>(widthPx), h = static_cast<float>(heightPx),
        line = font.pixelHeight() * 1.3f;
  RectPx area{std::round(5.0f * font.pixelHeight()), std::round(2.2f * line), 0, 0};
  area.w = std::floor(w - area.x - (grid && !basin ? 7.0f : 1.5f) * font.pixelHeight());
  area.h = std::floor(h - area.y - (basin ? 4.2f : 3.0f) * line);

  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  Framebuffer target(widthPx, heightPx);
  target.bind();
  clearRect({0, 0, w, h}, heightPx, 1, 1, 1);
  VectorBatch batch;
  AxisMap xMap{spec.x};
  auto px = [&](double f) { return area.x + static_cast<float>(f) * area.w; };

  char title[160];
  std::snprintf(title, sizeof title, "%s on %s, %ld steps%s", basin ? "basins" : "final f − f*",
                std::string(spec.surface.def().title).c_str(), spec.steps,
                spec.settings.noiseSigma > 0 ? ", noisy gradients" : "");
  batch.text(font, {area.x + 0.5f * area.w, 0.4f * line}, title, kInk, TextAlign::Centre);

  double yLo = 0, yHi = 1;  // log10 of the gap (curves) or the second axis (grid)
  if (grid) {
    AxisMap yMap{*spec.y};
    cli::SweepPicture picture = cli::sweepPicture(*jobs.front());
    float cw = area.w / picture.width, ch = area.h / picture.height;
    for (int j = 0; j < picture.height; ++j)
      for (int i = 0; i < picture.width; ++i) {
        const std::uint8_t* c = &picture.rgba[(static_cast<size_t>(j) * picture.width + i) * 4];
        if (c[3] == 0) continue;
        batch.rect({area.x + i * cw, area.y + j * ch},
                   {area.x + (i + 1) * cw, area.y + (j + 1) * ch},
                   Rgba{c[0] / 255.0f, c[1] / 255.0f, c[2] / 255.0f, 1});
      }
    for (const Tick& k :
         yMap.ticks(std::max(2, static_cast<int>(area.h / (3 * font.pixelHeight()))))) {
      float y = area.y + area.h - static_cast<float>(yMap.at(k.value)) * area.h;
      batch.line({area.x - 5 * scale, y}, {area.x, y}, kInk, 1.2f * scale);
      batch.text(font, {area.x - 8 * scale, y - 0.5f * font.pixelHeight()}, k.label, kInk,
                 TextAlign::Right);
    }
    batch.text(font, {2 * scale, area.y - 1.3f * line}, spec.y->name(), kInk);
    if (!basin) {  // the colour bar: log10 of the final gap
      float bx = area.x + area.w + 1.2f * font.pixelHeight(), bw = 1.0f * font.pixelHeight();
      for (int k = 0; k < 64; ++k)
        batch.rect({bx, area.y + area.h * k / 64}, {bx + bw, area.y + area.h * (k + 1) / 64},
                   viridis(1.0 - k / 63.0));
      char label[32];
      std::snprintf(label, sizeof label, "1e%.1f", picture.logGapMax);
      batch.text(font, {bx, area.y - line}, label, kInk);
      std::snprintf(label, sizeof label, "1e%.1f", picture.logGapMin);
      batch.text(font, {bx, area.y + area.h + 0.2f * line}, label, kInk);
      batch.text(font, {bx, area.y + area.h + 1.2f * line}, "diverged:", kInk);
      batch.rect({bx + font.widthOf("diverged: "), area.y + area.h + 1.3f * line},
                 {bx + font.widthOf("diverged: ") + bw, area.y + area.h + 2.1f * line},
                 Rgba{140 / 255.0f, 0, 0, 1});
    }
  } else {
    double lo = INFINITY, hi = -INFINITY;
    for (const SweepJob* job : jobs)
      for (int i = 0; i < spec.x.count; ++i)
        if (job->cellDone(i, 0) && job->cell(i, 0).divergedStep < 0) {
          double v = std::log10(std::max(job->cell(i, 0).finalGap, 1e-300));
          lo = std::min(lo, v), hi = std::max(hi, v);
        }
    if (!(hi > lo)) lo = -1, hi = 1;
    yLo = std::floor(lo), yHi = std::ceil(hi) + 1;  // a decade of room on top for the crosses
    auto py = [&](double level) {
      return area.y + area.h - static_cast<float>((level - yLo) / (yHi - yLo)) * area.h;
    };
    for (const Tick& k : decadeTicks(
             yLo, yHi, std::max(2, static_cast<int>(area.h / (1.8f * font.pixelHeight()))))) {
      float y = py(k.value);
      batch.line({area.x, y}, {area.x + area.w, y}, Rgba{0, 0, 0, 0.12f}, 1.0f * scale);
      batch.text(font, {area.x - 8 * scale, y - 0.5f * font.pixelHeight()}, k.label, kInk,
                 TextAlign::Right);
    }
    batch.text(font, {2 * scale, area.y - 1.3f * line}, "final f − f*", kInk);
    for (std::size_t j = 0; j < jobs.size(); ++j) {
      Rgba colour = Rgba::fromRgb(racers[j].colorRgb);
      std::vector<PointF> curve;
      for (int i = 0; i < spec.x.count; ++i) {
        if (!jobs[j]->cellDone(i, 0)) continue;
        const SweepCell& c = jobs[j]->cell(i, 0);
        float x = px(xMap.at(spec.x.valueAt(i)));
        if (c.divergedStep >= 0) {
          batch.cross({x, area.y + 0.5f * line + 0.4f * line * static_cast<float>(j)}, 4.0f * scale,
                      colour, 2.0f * scale);
          batch.polyline(curve, colour, 2.5f * scale);
          curve.clear();
          continue;
        }
        curve.push_back({x, py(std::log10(std::max(c.finalGap, 1e-300)))});
      }
      batch.polyline(curve, colour, 2.5f * scale);
    }
    // Legend, top right.
    float rowH = font.pixelHeight() * 1.35f, lx = area.x + area.w - 14 * font.pixelHeight();
    for (std::size_t j = 0; j < racers.size(); ++j) {
      float y = area.y + 2.5f * line + rowH * j;
      batch.line({lx, y}, {lx + 22 * scale, y}, Rgba::fromRgb(racers[j].colorRgb), 3.0f * scale);
      batch.text(font, {lx + 28 * scale, y - 0.5f * font.pixelHeight()}, racers[j].label, kInk);
    }
  }
  for (const Tick& k :
       xMap.ticks(std::max(2, static_cast<int>(area.w / (6 * font.pixelHeight()))))) {
    float x = px(xMap.at(k.value));
    batch.line({x, area.y + area.h}, {x, area.y + area.h + 5 * scale}, kInk, 1.2f * scale);
    batch.text(font, {x, area.y + area.h + 7 * scale}, k.label, kInk, TextAlign::Centre);
  }
  batch.text(font, {area.x + 0.5f * area.w, area.y + area.h + 1.4f * line},
             spec.x.name() + (spec.x.logarithmic ? "  (log scale)" : ""), kInk, TextAlign::Centre);
  if (basin)
    batch.text(font, {area.x, area.y + area.h + 2.6f * line},
               "colour: the minimizer reached, darker = slower; grey: none; dark red: diverged",
               kInk);
  batch.rectOutline({area.x, area.y}, {area.x + area.w, area.y + area.h}, kInk, 1.2f * scale);
  batch.flush(font, widthPx, heightPx);

  Image image = readFramebuffer(widthPx, heightPx);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  writePng(image, path);
}

}  // namespace optirace
