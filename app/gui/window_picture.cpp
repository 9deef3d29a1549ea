#include "window_picture.h"

#include <algorithm>

namespace optirace {

Image windowParts(int windowW, int windowH, const std::vector<RectPx>& parts, Rgba paper) {
  Image window = readFramebuffer(windowW, windowH);
  int width = 1, height = 0;
  for (const RectPx& r : parts) {
    width = std::max(width, static_cast<int>(r.w));
    height += static_cast<int>(r.h);
  }
  height = std::max(height, 1);
  Image figure{width, height, std::vector<std::uint8_t>(std::size_t(width) * height * 4, 0)};
  for (std::size_t i = 0; i < figure.rgba.size(); i += 4) {
    figure.rgba[i] = static_cast<std::uint8_t>(paper.r * 255);
    figure.rgba[i + 1] = static_cast<std::uint8_t>(paper.g * 255);
    figure.rgba[i + 2] = static_cast<std::uint8_t>(paper.b * 255);
    figure.rgba[i + 3] = 255;
  }
  int top = 0;
  for (const RectPx& r : parts) {
    int x0 = std::clamp(static_cast<int>(r.x), 0, windowW);
    int y0 = std::clamp(static_cast<int>(r.y), 0, windowH);
    int w = std::max(0, std::min(static_cast<int>(r.w), windowW - x0));
    int h = std::max(0, std::min(static_cast<int>(r.h), windowH - y0));
    for (int y = 0; y < h; ++y)
      std::copy_n(window.row(y0 + y) + std::size_t(x0) * 4, std::size_t(w) * 4,
                  figure.rgba.data() + (std::size_t(top + y) * width) * 4);
    top += static_cast<int>(r.h);
  }
  return figure;
}

}  // namespace optirace
