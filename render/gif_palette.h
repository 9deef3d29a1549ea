// A GIF's 256 colours chosen for optirace's pictures, and pictures mapped onto them.
//
// The colours that cover many pixels exactly (margins, text, the racers' lines, markers) get
// entries of their own, so trajectories never band; the rest of the palette is a median cut
// of what remains (mostly the heatmap's gradients). Pixels that are not an exact entry are
// dithered with a fixed 8 × 8 Bayer pattern: the pattern is tied to the pixel's position, so a
// part of the picture that does not change between frames maps to the same indices and the
// GIF encoder can skip it (error diffusion would shimmer from frame to frame).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace optirace {

struct Image;

class GifPalette {
 public:
  static constexpr int kSize = 256;

  // Chooses the palette from sample pictures of the video (e.g. its first and last frames).
  explicit GifPalette(std::span<const Image* const> samples);

  // Colours as FFmpeg's PAL8 frames want them: 0xAARRGGBB, opaque.
  const std::array<std::uint32_t, kSize>& argb() const { return argb_; }
  int exactColours() const { return exactCount_; }

  // One index per pixel of `image`, top row first, into `indices` (width × height bytes,
  // `stride` bytes a row).
  void map(const Image& image, std::uint8_t* indices, int stride);

 private:
  std::uint8_t nearest(int r, int g, int b);

  std::array<std::uint32_t, kSize> argb_{};
  int exactCount_ = 0;
  int used_ = 0;  // entries in use: the exact colours, then the median cut's
  std::unordered_map<std::uint32_t, std::uint8_t> exact_;  // 0xRRGGBB → index
  std::vector<bool> isExact_;                              // by 0xRRGGBB: a quick "no"
  std::vector<std::uint16_t> nearestCache_;  // by 6-bit r, g, b; 0xFFFF: not looked up yet
};

}  // namespace optirace
