#include "sweep_figure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "axis_ticks.h"
#include "figure_export.h"
#include "gl_target.h"
#include "race_words.h"
#include "sweep_picture.h"
#include "vector_batch.h"

namespace optirace {

namespace {
constexpr float kFontPx = 15.0f;
const Rgba kInk{0.1f, 0.1f, 0.12f, 1};

// Position along a swept axis in [0, 1], and its ticks (decades on a log axis).
struct AxisMap {
  SweepAxis axis;
  double at(double v) const { return axisFraction(axis, v); }
  std::vector<Tick> ticks(int target) const { return sweepAxisTicks(axis, target); }
};

Rgba viridis(double t) {
  std::vector<std::uint8_t> c = viridisRgb(t);
  return {c[0] / 255.0f, c[1] / 255.0f, c[2] / 255.0f, 1};
}
}  // namespace

double axisFraction(const SweepAxis& axis, double v) {
  if (axis.logarithmic)
    return (std::log10(v) - std::log10(axis.lo)) / (std::log10(axis.hi) - std::log10(axis.lo));
  return (v - axis.lo) / (axis.hi - axis.lo);
}

double valueAtFraction(const SweepAxis& axis, double f) {
  if (axis.logarithmic)
    return std::pow(10.0, std::log10(axis.lo) + f * (std::log10(axis.hi) - std::log10(axis.lo)));
  return axis.lo + f * (axis.hi - axis.lo);
}

std::vector<Tick> sweepAxisTicks(const SweepAxis& axis, int target) {
  if (!axis.logarithmic) return linearTicks(axis.lo, axis.hi, target);
  std::vector<Tick> t = decadeTicks(std::log10(axis.lo), std::log10(axis.hi), target);
  for (Tick& k : t) k.value = std::pow(10.0, k.value);
  return t;
}

std::string fixedSettingsLabel(const RacerSpec& racer, const SweepSpec& spec) {
  RacerSpec fixed = racer;
  const OptimizerDef* def = findOptimizer(racer.optimizer);
  for (const SweepAxis* a : {&spec.x, spec.y ? &*spec.y : nullptr})
    if (def && a && a->quantity == SweepAxis::Quantity::Hyper)
      fixed.hyper.set(a->hyper, def->defaults.get(a->hyper));  // swept: not a fixed setting
    else if (a && a->quantity == SweepAxis::Quantity::Schedule)
      fixed.schedule.set(a->scheduleParam, NAN);
  std::string label = generatedLabel(fixed);
  if (spec.x.isStart()) return label;  // a basin map: every start
  return label.append(" from (")
      .append(shortNumber(racer.start.x))
      .append(", ")
      .append(shortNumber(racer.start.y))
      .append(")");
}

std::string sweepTitle(const SweepSpec& spec) {
  bool basin = spec.x.isStart();
  std::string title = basin ? "Basins of " : "Final f − f* against ";
  if (!basin) {
    title.append(spec.x.name());
    if (spec.y) title.append(" and ").append(spec.y->name());
    title.append(" on ");
  }
  title.append(spec.surface.def().title).append(", ").append(std::to_string(spec.steps));
  title.append(" steps");
  if (spec.settings.noiseSigma > 0 && spec.seeds > 1)
    title.append(", noise σ = ")
        .append(shortNumber(spec.settings.noiseSigma))
        .append(" (seeds ")
        .append(std::to_string(spec.settings.seed))
        .append("–")
        .append(std::to_string(spec.settings.seed + static_cast<std::uint64_t>(spec.seeds) - 1))
        .append(": median, band 10–90 %)");
  else if (spec.settings.noiseSigma > 0)
    title.append(", noise σ = ")
        .append(shortNumber(spec.settings.noiseSigma))
        .append(" (seed ")
        .append(std::to_string(spec.settings.seed))
        .append(")");
  return title;
}

GapLevels curveGapLevels(const std::vector<const SweepJob*>& jobs) {
  GapLevels levels{INFINITY, -INFINITY};
  for (const SweepJob* job : jobs)
    for (int i = 0; i < job->spec().x.count; ++i)
      if (job->cellDone(i, 0) && job->cell(i, 0).divergedStep < 0) {
        const SweepCell& c = job->cell(i, 0);
        for (double gap : {c.finalGap, c.finalGapP10, c.finalGapP90})
          if (std::isfinite(gap)) {
            double v = std::log10(std::max(gap, 1e-300));
            levels.lo = std::min(levels.lo, v), levels.hi = std::max(levels.hi, v);
          }
      }
  return levels;
}

void writeSweepFigure(FontCache& fonts, const std::vector<const SweepJob*>& jobs,
                      const std::vector<RacerSpec>& racers, const std::string& path, int widthPx,
                      int heightPx, float scale) {
  if (jobs.empty()) return;
  const SweepSpec& spec = jobs.front()->spec();
  bool grid = spec.y.has_value();
  bool basin = spec.x.isStart();
  const FontAtlas& font = fonts.atlas(kFontPx * scale);
  float w = static_cast<float>(widthPx), h = static_cast<float>(heightPx),
        line = font.pixelHeight() * 1.3f;
  RectPx area{std::round(5.0f * font.pixelHeight()), std::round(2.2f * line), 0, 0};
  area.w = std::floor(w - area.x - (grid && !basin ? 7.0f : 1.5f) * font.pixelHeight());
  area.h = std::floor(h - area.y - (basin ? 4.2f : 3.0f) * line);

  KeepBoundFramebuffer keep;  // the window's, bound again once the figure is written
  Framebuffer target(widthPx, heightPx);
  target.bind();
  clearRect({0, 0, w, h}, heightPx, 1, 1, 1);
  VectorBatch batch;
  AxisMap xMap{spec.x};
  auto px = [&](double f) { return area.x + static_cast<float>(f) * area.w; };

  // The title says what was swept on what; one racer's fixed settings follow it (curves name
  // theirs in the legend).
  std::string title = sweepTitle(spec);
  if (grid) title.append(" — ").append(fixedSettingsLabel(racers.front(), spec));
  batch.text(font, {area.x + 0.5f * area.w, 0.4f * line}, title, kInk, TextAlign::Centre);

  double yLo = 0, yHi = 1;  // log10 of the gap (curves) or the second axis (grid)
  if (grid) {
    AxisMap yMap{*spec.y};
    SweepPicture picture = sweepPicture(*jobs.front());
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
      // Decades along the bar, where they fall between its ends.
      double span = std::max(picture.logGapMax - picture.logGapMin, 1e-12);
      for (const Tick& k : decadeTicks(picture.logGapMin, picture.logGapMax,
                                       std::max(2, static_cast<int>(area.h / (2 * line))))) {
        float y =
            area.y + area.h - static_cast<float>((k.value - picture.logGapMin) / span) * area.h;
        batch.line({bx + bw, y}, {bx + bw + 4 * scale, y}, kInk, 1.2f * scale);
        batch.text(font, {bx + bw + 6 * scale, y - 0.5f * font.pixelHeight()}, k.label, kInk);
      }
      batch.text(font, {bx, area.y - line}, "f − f*", kInk);
      batch.text(font, {bx, area.y + area.h + 1.2f * line}, "diverged:", kInk);
      batch.rect({bx + font.widthOf("diverged: "), area.y + area.h + 1.3f * line},
                 {bx + font.widthOf("diverged: ") + bw, area.y + area.h + 2.1f * line},
                 Rgba{140 / 255.0f, 0, 0, 1});
    }
  } else {
    auto [lo, hi] = curveGapLevels(jobs);
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
      if (spec.seeds > 1) {  // the 10–90 % band of the seeds behind the median
        auto level = [&](double gap) {
          return py(std::isfinite(gap) ? std::clamp(std::log10(std::max(gap, 1e-300)), yLo, yHi)
                                       : yHi);
        };
        for (int i = 0; i + 1 < spec.x.count; ++i) {
          if (!jobs[j]->cellDone(i, 0) || !jobs[j]->cellDone(i + 1, 0)) continue;
          const SweepCell &c = jobs[j]->cell(i, 0), &d = jobs[j]->cell(i + 1, 0);
          if (c.divergedStep >= 0 || d.divergedStep >= 0) continue;
          float x0 = px(xMap.at(spec.x.valueAt(i))), x1 = px(xMap.at(spec.x.valueAt(i + 1)));
          PointF quad[4] = {{x0, level(c.finalGapP10)},
                            {x0, level(c.finalGapP90)},
                            {x1, level(d.finalGapP90)},
                            {x1, level(d.finalGapP10)}};
          PointF centre{0.25f * (x0 + x0 + x1 + x1),
                        0.25f * (quad[0].y + quad[1].y + quad[2].y + quad[3].y)};
          batch.fillStarShaped(centre, quad, colour.withAlpha(0.22f));
        }
      }
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
    // Legend, top right: each racer with the settings that stayed fixed.
    float rowH = font.pixelHeight() * 1.35f, labelW = 0;
    std::vector<std::string> labels;
    for (const RacerSpec& r : racers) {
      labels.push_back(fixedSettingsLabel(r, spec));
      labelW = std::max(labelW, font.widthOf(labels.back()));
    }
    float lx = area.x + area.w - labelW - 40 * scale;
    for (std::size_t j = 0; j < racers.size(); ++j) {
      float y = area.y + 2.5f * line + rowH * j;
      batch.line({lx, y}, {lx + 22 * scale, y}, Rgba::fromRgb(racers[j].colorRgb), 3.0f * scale);
      batch.text(font, {lx + 28 * scale, y - 0.5f * font.pixelHeight()}, labels[j], kInk);
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
  if (basin) {
    // The minimizers as on the canvas, and a key of the colours the overlay uses too.
    AxisMap yMap{*spec.y};
    std::vector<Vec2> minimizers = spec.surface.minimizers();
    float keyX = area.x, keyY = area.y + area.h + 2.6f * line, sw = font.pixelHeight();
    for (std::size_t m = 0; m < minimizers.size(); ++m) {
      PointF at{px(xMap.at(minimizers[m].x)),
                area.y + area.h - static_cast<float>(yMap.at(minimizers[m].y)) * area.h};
      if (area.contains(at))
        batch.star(at, 11.0f * scale, Rgba::fromRgb(0xFFD700), kInk, 1.5f * scale);
      std::string name = "(";
      name.append(shortNumber(minimizers[m].x)).append(", ").append(shortNumber(minimizers[m].y));
      name.append(")");
      batch.rect({keyX, keyY}, {keyX + sw, keyY + sw}, Rgba::fromRgb(paletteColor(m)));
      keyX +=
          sw + 4 * scale + batch.text(font, {keyX + sw + 4 * scale, keyY}, name, kInk) + 1.2f * sw;
    }
    batch.rect({keyX, keyY}, {keyX + sw, keyY + sw},
               Rgba{150 / 255.0f, 150 / 255.0f, 150 / 255.0f, 1});
    keyX += sw + 4 * scale + batch.text(font, {keyX + sw + 4 * scale, keyY}, "none", kInk) + sw;
    batch.rect({keyX, keyY}, {keyX + sw, keyY + sw}, Rgba{140 / 255.0f, 0, 0, 1});
    keyX += sw + 4 * scale + batch.text(font, {keyX + sw + 4 * scale, keyY}, "diverged", kInk) + sw;
    batch.text(font, {keyX, keyY}, "darker: slower", kInk);
  }
  batch.rectOutline({area.x, area.y}, {area.x + area.w, area.y + area.h}, kInk, 1.2f * scale);
  batch.flush(font, widthPx, heightPx);

  Image image = readFramebuffer(widthPx, heightPx);
  writePng(image, path);
}

}  // namespace optirace
