#include "sweep_image.h"

#include <stb_image_write.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "embedded_shaders.h"

namespace optirace::cli {

namespace {
// The 33 viridis samples of shaders/colormaps.glsl ("vec3(r, g, b)" lines after kViridisTable).
std::vector<std::array<float, 3>> viridisTable() {
  std::vector<std::array<float, 3>> table;
  const char* text = embeddedShader("colormaps.glsl");
  const char* at = text ? std::strstr(text, "kViridisTable") : nullptr;
  while (at && table.size() < 33 && (at = std::strstr(at, "vec3(")) != nullptr) {
    std::array<float, 3> c{};
    if (std::sscanf(at, "vec3(%f, %f, %f)", &c[0], &c[1], &c[2]) == 3) table.push_back(c);
    at += 5;
  }
  if (table.size() != 33)
    table = {{0.27f, 0.0f, 0.33f}, {0.99f, 0.91f, 0.14f}};  // never: the build embeds it
  return table;
}

std::array<std::uint8_t, 3> viridis(const std::vector<std::array<float, 3>>& table, double t) {
  double x = std::clamp(t, 0.0, 1.0) * (table.size() - 1);
  std::size_t i = std::min(static_cast<std::size_t>(x), table.size() - 2);
  double f = x - i;
  std::array<std::uint8_t, 3> out{};
  for (int c = 0; c < 3; ++c)
    out[c] =
        static_cast<std::uint8_t>(std::lround(255 * ((1 - f) * table[i][c] + f * table[i + 1][c])));
  return out;
}
}  // namespace

void writeSweepPng(const SweepJob& job, const std::string& path, int cellPx) {
  const SweepSpec& spec = job.spec();
  int nx = spec.x.count, ny = spec.y ? spec.y->count : 1;
  int px = std::max(cellPx, 512 / nx), py = spec.y ? std::max(cellPx, 512 / ny) : 48;
  int w = nx * px, h = ny * py;
  double lo = INFINITY, hi = -INFINITY;
  auto level = [](double gap) { return std::log10(std::max(gap, 1e-300)); };
  for (int iy = 0; iy < ny; ++iy)
    for (int ix = 0; ix < nx; ++ix) {
      const SweepCell& c = job.cell(ix, iy);
      if (c.divergedStep >= 0) continue;
      lo = std::min(lo, level(c.finalGap));
      hi = std::max(hi, level(c.finalGap));
    }
  if (!(hi > lo)) hi = lo + 1;
  auto table = viridisTable();
  std::vector<std::uint8_t> rgb(static_cast<size_t>(w) * h * 3);
  for (int iy = 0; iy < ny; ++iy)
    for (int ix = 0; ix < nx; ++ix) {
      const SweepCell& c = job.cell(ix, iy);
      std::array<std::uint8_t, 3> colour =
          c.divergedStep >= 0 ? std::array<std::uint8_t, 3>{140, 0, 0}
                              : viridis(table, (level(c.finalGap) - lo) / (hi - lo));
      for (int y = 0; y < py; ++y)
        for (int x = 0; x < px; ++x) {
          // y grows upwards on the y axis: the first row is drawn at the bottom.
          std::size_t p = (static_cast<size_t>((ny - 1 - iy) * py + y) * w + ix * px + x) * 3;
          std::copy(colour.begin(), colour.end(), rgb.begin() + p);
        }
    }
  std::string temp = path + ".partial";
  if (!stbi_write_png(temp.c_str(), w, h, 3, rgb.data(), w * 3) ||
      std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    throw InputError(path + ": cannot write the PNG");
  }
}

}  // namespace optirace::cli
