// A sweep's grid as a picture without any GL: log10 of the final gap through viridis (read
// from the embedded colormaps.glsl, the table the canvas uses), diverged cells dark red.
#pragma once

#include <string>

#include "sweep.h"

namespace optirace::cli {

// Writes a PNG with each cell as a block of at least `cellPx` pixels; throws InputError.
void writeSweepPng(const SweepJob& job, const std::string& path, int cellPx);

}  // namespace optirace::cli
