// libFuzzer target: the PNG encoder's arguments. The first three bytes choose the width and the
// height (−2 … 61) and the channels (0 … 5); the rest fills the pixels (repeated to the size the
// arguments ask for). encodeRgbPng must return nothing for arguments that are not a picture, and
// otherwise a file that an independent decoder (stb_image) reads back as the same RGB pixels.
#include <stb_image.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "png_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  int width = data[0] % 64 - 2, height = data[1] % 64 - 2, channels = data[2] % 6;
  bool picture = width > 0 && height > 0 && (channels == 3 || channels == 4);
  std::size_t bytes = picture ? static_cast<std::size_t>(width) * height * channels : 16;
  std::vector<std::uint8_t> pixels(bytes);
  for (std::size_t i = 0; i < bytes; ++i) pixels[i] = size > 3 ? data[3 + i % (size - 3)] : 0;

  std::vector<std::uint8_t> png = optirace::encodeRgbPng(pixels.data(), width, height, channels);
  if (!picture) {
    if (!png.empty()) std::abort();  // a file for arguments that are not a picture
    return 0;
  }
  if (png.empty()) std::abort();
  int w = 0, h = 0, n = 0;
  std::uint8_t* rgb =
      stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &w, &h, &n, 3);
  if (!rgb || w != width || h != height) std::abort();
  for (std::size_t p = 0; p < static_cast<std::size_t>(width) * height; ++p)
    for (int c = 0; c < 3; ++c)
      if (rgb[p * 3 + c] != pixels[p * channels + c]) std::abort();  // alpha dropped, RGB kept
  stbi_image_free(rgb);
  return 0;
}
