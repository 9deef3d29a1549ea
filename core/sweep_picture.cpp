#include "sweep_picture.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "embedded_shaders.h"
#include "scenario.h"

namespace optirace {

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

}  // namespace optirace
