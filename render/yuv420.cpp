#include "yuv420.h"

#include "figure_export.h"

namespace optirace {

namespace {

// BT.709: Y′ = Kr·R′ + Kg·G′ + Kb·B′ with Kr = 0.2126, Kb = 0.0722; Cb = (B′ − Y′)/1.8556,
// Cr = (R′ − Y′)/1.5748; limited range scales Y′ to 16 … 235 and Cb, Cr to 16 … 240. Here in
// 16-bit fixed point, the factors 219/255 and 224/255 folded in.
constexpr int kShift = 16;
constexpr int fixed(double v) {
  return static_cast<int>(v * (1 << kShift) + (v < 0 ? -0.5 : 0.5));
}
constexpr double kKr = 0.2126, kKb = 0.0722, kKg = 1 - kKr - kKb;
constexpr double kY = 219.0 / 255.0, kC = 224.0 / 255.0;
constexpr int kYr = fixed(kY * kKr), kYg = fixed(kY * kKg), kYb = fixed(kY * kKb);
constexpr double kCbScale = kC / (2 * (1 - kKb)), kCrScale = kC / (2 * (1 - kKr));
constexpr int kUr = fixed(-kCbScale * kKr), kUg = fixed(-kCbScale * kKg),
              kUb = fixed(kCbScale * (1 - kKb));
constexpr int kVr = fixed(kCrScale * (1 - kKr)), kVg = fixed(-kCrScale * kKg),
              kVb = fixed(-kCrScale * kKb);
constexpr int kHalf = 1 << (kShift - 1);

inline std::uint8_t luma(const std::uint8_t* p) {
  return static_cast<std::uint8_t>(16 + ((kYr * p[0] + kYg * p[1] + kYb * p[2] + kHalf) >> kShift));
}

}  // namespace

YuvColour rgbToYuv709(int r, int g, int b) {
  return {16 + ((kYr * r + kYg * g + kYb * b + kHalf) >> kShift),
          128 + ((kUr * r + kUg * g + kUb * b + kHalf) >> kShift),
          128 + ((kVr * r + kVg * g + kVb * b + kHalf) >> kShift)};
}

void rgbaToYuv420(const Image& image, const Yuv420Planes& out) {
  for (int y = 0; y < image.height; y += 2) {
    const std::uint8_t* top = image.row(y);
    const std::uint8_t* bottom = image.row(y + 1);
    std::uint8_t* yTop = out.y + static_cast<std::ptrdiff_t>(y) * out.yStride;
    std::uint8_t* yBottom = yTop + out.yStride;
    std::uint8_t* u = out.u + static_cast<std::ptrdiff_t>(y / 2) * out.uStride;
    std::uint8_t* v = out.v + static_cast<std::ptrdiff_t>(y / 2) * out.vStride;
    for (int x = 0; x < image.width; ++x) {
      yTop[x] = luma(top + 4 * x);
      yBottom[x] = luma(bottom + 4 * x);
    }
    for (int x = 0; x < image.width / 2; ++x) {
      const std::uint8_t* a = top + 8 * x;
      const std::uint8_t* b = bottom + 8 * x;
      int r = a[0] + a[4] + b[0] + b[4], g = a[1] + a[5] + b[1] + b[5],
          bl = a[2] + a[6] + b[2] + b[6];  // four pixels' sums: the mean is a quarter
      constexpr int kQuarterHalf = 1 << (kShift + 1);
      u[x] = static_cast<std::uint8_t>(
          128 + ((kUr * r + kUg * g + kUb * bl + kQuarterHalf) >> (kShift + 2)));
      v[x] = static_cast<std::uint8_t>(
          128 + ((kVr * r + kVg * g + kVb * bl + kQuarterHalf) >> (kShift + 2)));
    }
  }
}

}  // namespace optirace
