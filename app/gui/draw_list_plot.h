// What the task views' plots (task_canvas.cpp, task_loss_plot.cpp, task_sweep_panel.cpp) share
// when they draw with ImGui's draw lists: a racer's colour, and tick labels kept inside the
// plot's area.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cstdint>

namespace optirace {

inline ImU32 rgbColour(std::uint32_t rgb, int alpha = 255) {
  return IM_COL32((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, alpha);
}

// The left edge of a label `width` px wide centred on x, moved inside [lo, hi] (the last tick's
// label at the right end of an axis would otherwise stick out past the area and be cut).
inline float labelLeft(float x, float width, float lo, float hi) {
  return std::clamp(x - width / 2, lo, std::max(lo, hi - width));
}

}  // namespace optirace
