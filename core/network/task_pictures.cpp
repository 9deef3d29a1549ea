#include "task_pictures.h"

#include <algorithm>
#include <cmath>

#include "../sweep_picture.h"

namespace optirace {

namespace {
// Blue and red as ColorBrewer's RdBu ends (distinguishable in every common colour blindness),
// a pale grey between them where the network cannot tell.
constexpr std::uint32_t kClassZero = 0x2166ac, kClassOne = 0xb2182b, kUnsure = 0xf2f2f2;

std::uint8_t channel(std::uint32_t rgb, int shift) {
  return (rgb >> shift) & 255;
}

std::uint32_t mix(std::uint32_t a, std::uint32_t b, double t) {
  std::uint32_t out = 0;
  for (int shift : {16, 8, 0}) {
    double v = (1 - t) * channel(a, shift) + t * channel(b, shift);
    out |= static_cast<std::uint32_t>(std::lround(v)) << shift;
  }
  return out;
}

void put(TaskPicture& p, std::size_t cell, std::uint32_t rgb) {
  p.rgba[cell * 4 + 0] = channel(rgb, 16);
  p.rgba[cell * 4 + 1] = channel(rgb, 8);
  p.rgba[cell * 4 + 2] = channel(rgb, 0);
  p.rgba[cell * 4 + 3] = 255;
}
}  // namespace

std::uint32_t probabilityRgb(double p) {
  if (!std::isfinite(p)) return 0x606060;
  p = std::clamp(p, 0.0, 1.0);
  // Saturating towards the ends, so that 0.9 reads as clearly class 1 and 0.55 as undecided.
  return p < 0.5 ? mix(kClassZero, kUnsure, p / 0.5) : mix(kUnsure, kClassOne, (p - 0.5) / 0.5);
}

std::uint32_t classRgb(int c) {
  return c ? kClassOne : kClassZero;
}

std::uint32_t dataPointRgb(int c) {
  return c ? 0x67001f : 0x053061;
}

TaskPicture decisionPicture(DenseNetwork& network, std::span<const double> params,
                            const ViewBox& view, int columns, int rows) {
  TaskPicture p{columns, rows, std::vector<std::uint8_t>(std::size_t(columns) * rows * 4)};
  std::vector<double> xs(columns), ys(columns), out(columns);
  for (int c = 0; c < columns; ++c) xs[c] = view.xMin + (c + 0.5) / columns * view.width();
  for (int r = 0; r < rows; ++r) {
    std::fill(ys.begin(), ys.end(), view.yMax - (r + 0.5) / rows * view.height());
    network.predict(params, xs, ys, out);
    for (int c = 0; c < columns; ++c) put(p, std::size_t(r) * columns + c, probabilityRgb(out[c]));
  }
  return p;
}

LossLevels lossLevels(std::span<const double> losses) {
  LossLevels l{INFINITY, -INFINITY};
  for (double v : losses)
    if (std::isfinite(v) && v > 0) {
      l.logLo = std::min(l.logLo, std::log10(v));
      l.logHi = std::max(l.logHi, std::log10(v));
    }
  if (!(l.logLo <= l.logHi)) return {-1, 0};
  if (l.logHi - l.logLo < 1e-9) l.logHi = l.logLo + 1;
  return l;
}

TaskPicture slicePicture(std::span<const double> losses, int columns, int rows, LossLevels levels) {
  TaskPicture p{columns, rows, std::vector<std::uint8_t>(std::size_t(columns) * rows * 4)};
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < columns; ++c) {
      double v = losses[std::size_t(rows - 1 - r) * columns + c];
      std::uint32_t rgb = 0x8b0000;  // not a number: dark red, as a diverged sweep cell
      if (std::isfinite(v)) {
        double t = (std::log10(std::max(v, 1e-300)) - levels.logLo) / (levels.logHi - levels.logLo);
        std::vector<std::uint8_t> c3 = viridisRgb(t);
        rgb = (std::uint32_t(c3[0]) << 16) | (std::uint32_t(c3[1]) << 8) | c3[2];
      }
      put(p, std::size_t(r) * columns + c, rgb);
    }
  return p;
}

}  // namespace optirace
