// What a sweep produces for people: its CSV (one row per cell) and its grid as a picture
// without any GL (log10 of the final gap through viridis, read from the embedded
// colormaps.glsl that the canvas uses; diverged cells dark red; basin maps coloured by the
// minimizer reached and shaded by the steps it took). The CLI and the Sensitivity panel share it.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "sweep.h"

namespace optirace::cli {

// The CSV: its header line, and the rows of cells [begin, end) of the grid (flat indices).
std::string sweepCsvHeader(const SweepSpec& spec);
void appendSweepCsvRows(const SweepSpec& spec, const SweepCell* cells, int begin, int end,
                        std::string& out);
// The whole CSV of the cells done so far.
std::string sweepCsvText(const SweepJob& job);
void writeSweepCsv(const SweepJob& job, std::ostream& out);

struct SweepPicture {
  int width = 0, height = 0;            // one pixel per cell; row 0 is the top (largest y value)
  std::vector<std::uint8_t> rgba;       // cells not done yet are transparent
  double logGapMin = 0, logGapMax = 0;  // the colour scale's ends (log10 of the final gap)
};
SweepPicture sweepPicture(const SweepJob& job);
// RGB of viridis at t ∈ [0, 1] (for colour bars).
std::vector<std::uint8_t> viridisRgb(double t);

// Writes a PNG with each cell as a block of at least `cellPx` pixels; throws InputError.
void writeSweepPng(const SweepJob& job, const std::string& path, int cellPx);

}  // namespace optirace::cli
