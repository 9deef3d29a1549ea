#include "sweep_output.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <thread>

#include "embedded_shaders.h"
#include "number_format.h"
#include "png_file.h"
#include "scenario.h"

namespace optirace::cli {

namespace {
// The 33 viridis samples of shaders/colormaps.glsl ("vec3(r, g, b)" lines after kViridisTable).
const std::vector<std::array<float, 3>>& viridisTable() {
  static const std::vector<std::array<float, 3>> table = [] {
    std::vector<std::array<float, 3>> t;
    const char* text = embeddedShader("colormaps.glsl");
    const char* at = text ? std::strstr(text, "kViridisTable") : nullptr;
    while (at && t.size() < 33 && (at = std::strstr(at, "vec3(")) != nullptr) {
      std::array<float, 3> c{};
      if (std::sscanf(at, "vec3(%f, %f, %f)", &c[0], &c[1], &c[2]) == 3) t.push_back(c);
      at += 5;
    }
    return t;
  }();
  return table;
}

double level(double gap) {
  return std::log10(std::max(gap, 1e-300));
}
}  // namespace

std::vector<std::uint8_t> viridisRgb(double t) {
  const auto& table = viridisTable();
  if (table.size() < 2) return {128, 128, 128};
  double x = std::clamp(t, 0.0, 1.0) * (table.size() - 1);
  std::size_t i = std::min(static_cast<std::size_t>(x), table.size() - 2);
  double f = x - i;
  std::vector<std::uint8_t> out(3);
  for (int c = 0; c < 3; ++c)
    out[c] =
        static_cast<std::uint8_t>(std::lround(255 * ((1 - f) * table[i][c] + f * table[i + 1][c])));
  return out;
}

std::string sweepCsvHeader(const SweepSpec& spec) {
  std::string text = spec.x.name();
  if (spec.y) text.append(",").append(spec.y->name());
  text +=
      ",final_x,final_y,final_loss,final_gap,steps_to_threshold,diverged_step,best_gap,"
      "minimizer";
  text += spec.seeds > 1 ? ",final_gap_p10,final_gap_p90\n" : "\n";
  return text;
}

// Numbers as the shortest text that reads back bit-exact (std::to_chars): several times faster
// than 17 digits through printf, which was most of a large sweep's command time.
void appendSweepCsvRows(const SweepSpec& spec, const SweepCell* cells, int begin, int end,
                        std::string& text) {
  auto number = [&](double v) {
    text += ',';
    appendShortestNumber(text, v);
  };
  auto count = [&](long n) {
    text += ',';
    if (n >= 0) text += std::to_string(n);
  };
  for (int i = begin; i < end; ++i) {
    const SweepCell& c = cells[i - begin];
    int ix = i % spec.x.count, iy = i / spec.x.count;
    appendShortestNumber(text, spec.x.valueAt(ix));
    if (spec.y) number(spec.y->valueAt(iy));
    number(c.finalW.x);
    number(c.finalW.y);
    number(c.finalLoss);
    number(c.finalGap);
    count(c.stepsToThreshold);
    count(c.divergedStep);
    number(c.bestGap);
    count(c.minimizer);
    if (spec.seeds > 1) {
      number(c.finalGapP10);
      number(c.finalGapP90);
    }
    text += '\n';
  }
}

std::string sweepCsvText(const SweepJob& job) {
  const SweepSpec& spec = job.spec();
  std::string text = sweepCsvHeader(spec);
  for (int i = 0; i < spec.cellCount(); ++i)  // a cancelled sweep writes what it finished
    if (job.cellDone(i % spec.x.count, i / spec.x.count))
      appendSweepCsvRows(spec, &job.cell(i % spec.x.count, i / spec.x.count), i, i + 1, text);
  return text;
}

void writeSweepCsv(const SweepJob& job, std::ostream& out) {
  std::string text = sweepCsvText(job);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

SweepPicture sweepPicture(const SweepJob& job) {
  const SweepSpec& spec = job.spec();
  bool basin = spec.x.isStart();
  SweepPicture p;
  p.width = spec.x.count;
  p.height = spec.y ? spec.y->count : 1;
  p.rgba.assign(static_cast<size_t>(p.width) * p.height * 4, 0);
  double lo = INFINITY, hi = -INFINITY;
  for (int iy = 0; iy < p.height; ++iy)
    for (int ix = 0; ix < p.width; ++ix)
      if (job.cellDone(ix, iy) && job.cell(ix, iy).divergedStep < 0) {
        lo = std::min(lo, level(job.cell(ix, iy).finalGap));
        hi = std::max(hi, level(job.cell(ix, iy).finalGap));
      }
  if (!(hi > lo)) hi = lo + 1;
  p.logGapMin = lo;
  p.logGapMax = hi;
  for (int iy = 0; iy < p.height; ++iy)
    for (int ix = 0; ix < p.width; ++ix) {
      if (!job.cellDone(ix, iy)) continue;
      const SweepCell& c = job.cell(ix, iy);
      std::uint8_t* px = &p.rgba[(static_cast<size_t>(p.height - 1 - iy) * p.width + ix) * 4];
      std::vector<std::uint8_t> rgb;
      if (c.divergedStep >= 0) {
        rgb = {140, 0, 0};
      } else if (basin) {
        // Basin: the minimizer's palette colour, darker the more steps it took to converge.
        if (c.minimizer < 0) {
          rgb = {150, 150, 150};
        } else {
          std::uint32_t colour = paletteColor(static_cast<std::size_t>(c.minimizer));
          double shade = c.stepsToThreshold < 0
                             ? 0.45
                             : 1.0 - 0.55 * c.stepsToThreshold / std::max<double>(spec.steps, 1);
          rgb = {static_cast<std::uint8_t>(((colour >> 16) & 255) * shade),
                 static_cast<std::uint8_t>(((colour >> 8) & 255) * shade),
                 static_cast<std::uint8_t>((colour & 255) * shade)};
        }
      } else {
        rgb = viridisRgb((level(c.finalGap) - lo) / (hi - lo));
      }
      std::copy(rgb.begin(), rgb.end(), px);
      px[3] = 255;
    }
  return p;
}

void writeSweepPng(const SweepJob& job, const std::string& path, int cellPx) {
  SweepPicture cells = sweepPicture(job);
  int px = std::max(cellPx, 512 / cells.width),
      py = job.spec().y ? std::max(cellPx, 512 / cells.height) : 48;
  int w = cells.width * px, h = cells.height * py;
  std::vector<std::uint8_t> rgb(static_cast<size_t>(w) * h * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::uint8_t* c = &cells.rgba[(static_cast<size_t>(y / py) * cells.width + x / px) * 4];
      std::copy_n(c, 3, &rgb[(static_cast<size_t>(y) * w + x) * 3]);
    }
  if (!writeRgbPng(rgb.data(), w, h, 3, path)) throw InputError(path + ": cannot write the PNG");
}

}  // namespace optirace::cli
