#include "gif_palette.h"

#include <algorithm>
#include <cmath>

#include "figure_export.h"

namespace optirace {

namespace {

constexpr std::uint32_t rgbAt(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
}

// A colour that covers at least this share of the samples' pixels gets its own entry; at most
// kMostExact of them, so that the gradients keep three quarters of the palette.
constexpr double kExactShare = 1e-3;
constexpr int kMostExact = 64;

// The cube of colours, 32 levels a channel, with the pixels that fall in each cell.
constexpr int kCellBits = 5;
struct Cell {
  std::uint64_t count = 0, r = 0, g = 0, b = 0;
  int channel(int c) const;  // the cell's own coordinate on channel c, 0 … 31
  int key = 0;
};
int Cell::channel(int c) const {
  return (key >> (kCellBits * (2 - c))) & 31;
}

struct Box {
  std::vector<const Cell*> cells;
  std::uint64_t count = 0;
  int widest = 0, extent = 0;  // the channel with the largest range of cells, and that range
  void measure() {
    count = 0;
    extent = -1;
    for (const Cell* c : cells) count += c->count;
    for (int ch = 0; ch < 3; ++ch) {
      auto [lo, hi] = std::minmax_element(cells.begin(), cells.end(), [ch](auto* a, auto* b) {
        return a->channel(ch) < b->channel(ch);
      });
      int range = (*hi)->channel(ch) - (*lo)->channel(ch);
      if (range > extent) extent = range, widest = ch;
    }
  }
  // How much splitting it would help: many pixels spread over a wide range first.
  double priority() const { return extent == 0 ? -1 : static_cast<double>(count) * extent; }
};

// Median cut: splits the box with the highest priority at the pixel-weighted median of its
// widest channel until there are `wanted` boxes or none can be split.
std::vector<Box> medianCut(const std::vector<Cell>& cells, int wanted) {
  std::vector<Box> boxes;
  if (cells.empty() || wanted <= 0) return boxes;
  boxes.emplace_back();
  for (const Cell& c : cells) boxes[0].cells.push_back(&c);
  boxes[0].measure();
  while (static_cast<int>(boxes.size()) < wanted) {
    auto it = std::max_element(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) {
      return a.priority() < b.priority();
    });
    if (it->priority() < 0) break;
    Box& box = *it;
    int ch = box.widest;
    std::sort(box.cells.begin(), box.cells.end(),
              [ch](auto* a, auto* b) { return a->channel(ch) < b->channel(ch); });
    std::uint64_t half = box.count / 2, seen = 0;
    std::size_t cut = 1;
    for (; cut < box.cells.size(); ++cut) {
      seen += box.cells[cut - 1]->count;
      if (seen >= half && box.cells[cut]->channel(ch) != box.cells[cut - 1]->channel(ch)) break;
    }
    if (cut == box.cells.size())  // all but the last share a level: split before the last
      while (--cut > 0 && box.cells[cut]->channel(ch) == box.cells[cut - 1]->channel(ch)) {
      }
    Box upper;
    upper.cells.assign(box.cells.begin() + static_cast<long>(cut), box.cells.end());
    box.cells.resize(cut);
    box.measure();
    upper.measure();
    boxes.push_back(std::move(upper));
  }
  return boxes;
}

// The ordered-dither offsets of an 8 × 8 Bayer matrix, in [-0.5, 0.5).
float bayer(int x, int y) {
  int v = 0;
  for (int bit = 0; bit < 3; ++bit) {
    int xb = (x >> bit) & 1, yb = (y >> bit) & 1;
    v |= ((xb ^ yb) << (5 - 2 * bit)) | (yb << (4 - 2 * bit));
  }
  return (static_cast<float>(v) + 0.5f) / 64.0f - 0.5f;
}

// Peak-to-peak size of the dither, in levels of 255: about one step between neighbouring
// palette colours in the heatmap's gradients, so a gradient between two entries is drawn as a
// mix of both instead of a band of one.
constexpr float kDitherLevels = 12.0f;

}  // namespace

GifPalette::GifPalette(std::span<const Image* const> samples)
    : isExact_(1u << 24, false), nearestCache_(1u << 18, 0xFFFF) {
  std::unordered_map<std::uint32_t, std::uint64_t> counts;
  std::uint64_t pixels = 0;
  for (const Image* image : samples) {
    const std::uint8_t* p = image->rgba.data();
    std::size_t n = static_cast<std::size_t>(image->width) * image->height;
    for (std::size_t i = 0; i < n; ++i) ++counts[rgbAt(p + 4 * i)];
    pixels += n;
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>> byCount;
  for (auto [rgb, n] : counts) byCount.emplace_back(n, rgb);
  std::sort(byCount.rbegin(), byCount.rend());
  auto threshold = static_cast<std::uint64_t>(std::ceil(kExactShare * pixels));
  for (auto [n, rgb] : byCount) {
    if (n < threshold || exactCount_ == kMostExact) break;
    argb_[exactCount_] = 0xFF000000u | rgb;
    exact_[rgb] = static_cast<std::uint8_t>(exactCount_++);
    isExact_[rgb] = true;
  }
  std::vector<Cell> cells(1u << (3 * kCellBits));
  for (int i = 0; i < static_cast<int>(cells.size()); ++i) cells[i].key = i;
  for (auto [rgb, n] : counts) {
    if (isExact_[rgb]) continue;
    std::uint32_t r = rgb >> 16, g = (rgb >> 8) & 255, b = rgb & 255;
    Cell& c = cells[((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)];
    c.count += n, c.r += r * n, c.g += g * n, c.b += b * n;
  }
  std::erase_if(cells, [](const Cell& c) { return c.count == 0; });
  used_ = exactCount_;
  for (const Box& box : medianCut(cells, kSize - exactCount_)) {
    std::uint64_t r = 0, g = 0, b = 0;
    for (const Cell* c : box.cells) r += c->r, g += c->g, b += c->b;
    auto mean = [&](std::uint64_t sum) {
      return static_cast<std::uint32_t>((sum + box.count / 2) / box.count);
    };
    argb_[used_++] = 0xFF000000u | (mean(r) << 16) | (mean(g) << 8) | mean(b);
  }
  if (used_ == 0) argb_[used_++] = 0xFF000000u;  // no samples: black, so indices stay valid
}

std::uint8_t GifPalette::nearest(int r, int g, int b) {
  std::uint16_t& cached = nearestCache_[((r >> 2) << 12) | ((g >> 2) << 6) | (b >> 2)];
  if (cached != 0xFFFF) return static_cast<std::uint8_t>(cached);
  // The centre of the 6-bit cell stands for every colour in it.
  int cr = (r & ~3) + 2, cg = (g & ~3) + 2, cb = (b & ~3) + 2;
  int best = 0, bestDistance = 1 << 30;
  for (int i = 0; i < used_; ++i) {
    int dr = static_cast<int>((argb_[i] >> 16) & 255) - cr;
    int dg = static_cast<int>((argb_[i] >> 8) & 255) - cg;
    int db = static_cast<int>(argb_[i] & 255) - cb;
    // Weighted as the eye weighs the channels (green most), cheaply.
    int d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
    if (d < bestDistance) bestDistance = d, best = i;
  }
  cached = static_cast<std::uint16_t>(best);
  return static_cast<std::uint8_t>(best);
}

void GifPalette::map(const Image& image, std::uint8_t* indices, int stride) {
  std::uint32_t lastExact = 0xFFFFFFFFu;
  std::uint8_t lastIndex = 0;
  for (int y = 0; y < image.height; ++y) {
    const std::uint8_t* p = image.row(y);
    std::uint8_t* out = indices + static_cast<std::ptrdiff_t>(y) * stride;
    for (int x = 0; x < image.width; ++x, p += 4) {
      std::uint32_t rgb = rgbAt(p);
      if (rgb == lastExact) {
        out[x] = lastIndex;
      } else if (isExact_[rgb]) {
        lastExact = rgb, lastIndex = exact_.find(rgb)->second;
        out[x] = lastIndex;
      } else {
        int offset = static_cast<int>(std::lround(bayer(x, y) * kDitherLevels));
        auto level = [offset](std::uint8_t v) { return std::clamp(v + offset, 0, 255); };
        out[x] = nearest(level(p[0]), level(p[1]), level(p[2]));
      }
    }
  }
}

}  // namespace optirace
