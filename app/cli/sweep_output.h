// What a sweep produces for people: its CSV (one row per cell) and its grid as a PNG (the
// picture of core/sweep_picture.h). The CLI and the Sensitivity panel share it.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "sweep.h"
#include "sweep_picture.h"

namespace optirace::cli {

// The CSV: its header line, and the rows of cells [begin, end) of the grid (flat indices).
std::string sweepCsvHeader(const SweepSpec& spec);
void appendSweepCsvRows(const SweepSpec& spec, const SweepCell* cells, int begin, int end,
                        std::string& out);
// The whole CSV of the cells done so far.
std::string sweepCsvText(const SweepJob& job);
void writeSweepCsv(const SweepJob& job, std::ostream& out);

// Writes a PNG with each cell as a block of at least `cellPx` pixels; throws InputError.
void writeSweepPng(const SweepJob& job, const std::string& path, int cellPx);

}  // namespace optirace::cli
