// Where a task's two views go, in the window and in the figures: the decision boundaries and
// the slice side by side or one above the other, and the boundaries' square pictures in a grid.
#pragma once

#include <algorithm>
#include <cmath>

#include "plot_frame.h"

namespace optirace {

struct SquareGrid {
  int columns = 1, rows = 1;
  float side = 0;  // each picture's side in pixels
};

// The grid of columns × rows cells that gives `count` square pictures the largest side in
// `area`, each with `captionHeight` of text above and below it and `gap` between cells.
inline SquareGrid bestSquareGrid(int count, RectPx area, float captionHeight, float gap) {
  SquareGrid best;
  for (int columns = 1; columns <= count; ++columns) {
    int rows = (count + columns - 1) / columns;
    float side = std::min((area.w - gap * (columns - 1)) / columns,
                          (area.h - gap * (rows - 1)) / rows - captionHeight);
    if (side > best.side) best = {columns, rows, side};
  }
  return best;
}

// The two views' areas: side by side or one above the other (task_view_painter.cpp chooses).
struct TwoViews {
  RectPx first, second;
};

}  // namespace optirace
