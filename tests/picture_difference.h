// Pictures in the tests: a PNG read as RGB, and how far apart two pictures of the same size are:
// the mean absolute difference per channel (levels of 255) and the share of pixels where some
// channel differs by more than 64 (a quarter of the range). Pixels are `channels` bytes each (3:
// RGB, 4: RGBA, alpha ignored).
#pragma once

#include <stb_image.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace optirace {

struct RgbPicture {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // 3 bytes a pixel, rows top to bottom
};

// Empty when the file cannot be read.
inline RgbPicture loadPngRgb(const std::string& path) {
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 3);
  RgbPicture picture{w, h, {}};
  if (data) picture.pixels.assign(data, data + static_cast<std::size_t>(w) * h * 3);
  stbi_image_free(data);
  return picture;
}

struct PictureDifference {
  double mean = 1e9, farShare = 1;  // as far apart as can be when the sizes differ
};

inline PictureDifference pictureDifference(const std::vector<std::uint8_t>& a, int aChannels,
                                           const std::vector<std::uint8_t>& b, int bChannels) {
  std::size_t n = a.size() / aChannels;
  if (n == 0 || n != b.size() / bChannels) return {};
  double sum = 0;
  std::size_t far = 0;
  for (std::size_t i = 0; i < n; ++i) {
    int most = 0;
    for (int c = 0; c < 3; ++c) {
      int d = std::abs(a[aChannels * i + c] - b[bChannels * i + c]);
      sum += d, most = std::max(most, d);
    }
    far += most > 64;
  }
  return {sum / (3.0 * n), static_cast<double>(far) / n};
}

inline PictureDifference pictureDifference(const RgbPicture& a, const RgbPicture& b) {
  if (a.width != b.width || a.height != b.height) return {};
  return pictureDifference(a.pixels, 3, b.pixels, 3);
}

}  // namespace optirace
