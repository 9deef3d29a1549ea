// RGB pictures as the planes of an H.264 video: BT.709 coefficients, limited ("TV") range,
// chroma averaged over each 2 × 2 block (yuv420p). The video stream is tagged with the same
// three facts, so players show the colours the PNG export shows.
//
// A direct loop rather than libswscale: for this one conversion it is several times faster
// than swscale's general path (which took a fifth of a 1080p export's time).
#pragma once

#include <cstdint>

namespace optirace {

struct Image;

struct Yuv420Planes {
  std::uint8_t* y;
  std::uint8_t* u;  // Cb
  std::uint8_t* v;  // Cr
  int yStride, uStride, vStride;
};

// `image` must have an even width and height.
void rgbaToYuv420(const Image& image, const Yuv420Planes& planes);

// One colour's Y′, Cb, Cr (for tests and for the conversion's own definition).
struct YuvColour {
  int y, cb, cr;
};
YuvColour rgbToYuv709(int r, int g, int b);

}  // namespace optirace
