#include "sweep_output.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <thread>

#include "embedded_shaders.h"
#include "number_format.h"
#include "png_file.h"
#include "scenario.h"

namespace optirace::cli {

std::string sweepCsvHeader(const SweepSpec& spec) {
  std::string text = spec.x.name();
  if (spec.y) text.append(",").append(spec.y->name());
  text +=
      ",final_x,final_y,final_loss,final_gap,steps_to_threshold,diverged_step,best_gap,"
      "minimizer";
  text += spec.seeds > 1 ? ",final_gap_p10,final_gap_p90\n" : "\n";
  return text;
}

// Numbers as the shortest text that reads back bit-exact (std::to_chars): several times faster
// than 17 digits through printf, which was most of a large sweep's command time.
void appendSweepCsvRows(const SweepSpec& spec, const SweepCell* cells, int begin, int end,
                        std::string& text) {
  auto number = [&](double v) {
    text += ',';
    appendShortestNumber(text, v);
  };
  auto count = [&](long n) {
    text += ',';
    if (n >= 0) text += std::to_string(n);
  };
  for (int i = begin; i < end; ++i) {
    const SweepCell& c = cells[i - begin];
    int ix = i % spec.x.count, iy = i / spec.x.count;
    appendShortestNumber(text, spec.x.valueAt(ix));
    if (spec.y) number(spec.y->valueAt(iy));
    number(c.finalW.x);
    number(c.finalW.y);
    number(c.finalLoss);
    number(c.finalGap);
    count(c.stepsToThreshold);
    count(c.divergedStep);
    number(c.bestGap);
    count(c.minimizer);
    if (spec.seeds > 1) {
      number(c.finalGapP10);
      number(c.finalGapP90);
    }
    text += '\n';
  }
}

std::string sweepCsvText(const SweepJob& job) {
  const SweepSpec& spec = job.spec();
  std::string text = sweepCsvHeader(spec);
  for (int i = 0; i < spec.cellCount(); ++i)  // a cancelled sweep writes what it finished
    if (job.cellDone(i % spec.x.count, i / spec.x.count))
      appendSweepCsvRows(spec, &job.cell(i % spec.x.count, i / spec.x.count), i, i + 1, text);
  return text;
}

void writeSweepCsv(const SweepJob& job, std::ostream& out) {
  std::string text = sweepCsvText(job);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void writeSweepPng(const SweepJob& job, const std::string& path, int cellPx) {
  SweepPicture cells = sweepPicture(job);
  int px = std::max(cellPx, 512 / cells.width),
      py = job.spec().y ? std::max(cellPx, 512 / cells.height) : 48;
  int w = cells.width * px, h = cells.height * py;
  std::vector<std::uint8_t> rgb(static_cast<size_t>(w) * h * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::uint8_t* c = &cells.rgba[(static_cast<size_t>(y / py) * cells.width + x / px) * 4];
      std::copy_n(c, 3, &rgb[(static_cast<size_t>(y) * w + x) * 3]);
    }
  if (!writeRgbPng(rgb.data(), w, h, 3, path)) throw InputError(path + ": cannot write the PNG");
}

}  // namespace optirace::cli
