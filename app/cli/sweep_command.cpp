#include "sweep_command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "atomic_output.h"
#include "available_cores.h"
#include "cli_values.h"
#include "commands.h"
#include "hyper_flags.h"
#include "number_format.h"
#include "race_words.h"
#include "sweep.h"
#include "sweep_kernel.h"
#include "sweep_output.h"

namespace optirace::cli {

namespace {

struct SweepOptions {
  std::string surface, optimizer, x, y, start, steps, noise, seed, seeds, threshold, csv, png,
      threads, isa;
  HyperFlags hyper;
  bool bench = false;
};

// The flag that sets each setting of a sweep, for core's problems.
const char* sweepSettingFlag(SweepSetting setting) {
  switch (setting) {
    case SweepSetting::Optimizer:
      return "--optimizer";
    case SweepSetting::XAxis:
      return "--x";
    case SweepSetting::YAxis:
      return "--y";
    case SweepSetting::Hyperparameters:
      return "";  // the problem names the hyperparameter, which is its flag
    case SweepSetting::Schedule:
      return "--schedule";
    case SweepSetting::Steps:
      return "--steps";
    case SweepSetting::Seeds:
      return "--seeds";
  }
  return "sweep";
}

SweepSpec buildSpec(const SweepOptions& o) {
  if (o.surface.empty())
    throw InputError("--surface: required (valid: " + surfaceNameList() + ", or expr:EXPRESSION)");
  if (o.optimizer.empty())
    throw InputError("--optimizer: required (valid: " + optimizerNameList() + ")");
  if (o.x.empty())
    throw InputError("--x: required, an axis NAME:LO:HI:lin|log:COUNT (e.g. lr:1e-4:1:log:256)");
  if (o.steps.empty()) throw InputError("--steps: required, a whole number of steps");
  SweepSpec spec;
  spec.surface = parseSurfaceSpec("--surface", o.surface);
  spec.optimizer = o.optimizer;
  spec.hyper = o.hyper.resolve(parseOptimizerFlag("--optimizer", o.optimizer));
  spec.schedule = o.hyper.resolveSchedule();
  spec.x = parseSweepAxis("--x", o.x, &spec.surface);
  if (!o.y.empty()) spec.y = parseSweepAxis("--y", o.y, &spec.surface);
  bool basin = spec.x.isStart() || (spec.y && spec.y->isStart());
  spec.start = spec.surface.def().defaultStart;
  if (!o.start.empty())
    spec.start = parsePoint("--start", o.start);
  else if (!basin)
    throw InputError("--start: required, a point X,Y (e.g. --start -1,0.5)");
  spec.steps = parseCountFlag("--steps", o.steps, 0, kMaxSteps);
  spec.settings.view = spec.surface.def().defaultView;
  if (!o.noise.empty()) spec.settings.noiseSigma = parseNoiseFlag("--noise", o.noise);
  if (!o.seed.empty()) spec.settings.seed = parseSeedFlag("--seed", o.seed);
  if (!o.seeds.empty())
    spec.seeds = static_cast<int>(parseCountFlag("--seeds", o.seeds, 1, kMaxSweepSeeds));
  if (!o.threshold.empty()) {
    spec.settings.threshold = parseNumberFlag("--threshold", o.threshold);
    if (!(spec.settings.threshold > 0))
      throw InputError("--threshold: must be > 0 (got " + o.threshold + ")");
  }
  try {
    validateSweep(spec);
  } catch (const SweepSettingError& e) {
    std::string flag = sweepSettingFlag(e.setting());
    throw InputError(flag.empty() ? e.problem() : flag + ": " + e.problem());
  }
  return spec;
}

// Writes the CSV's pieces (one per chunk of cells, formatted by the workers) in order while the
// sweep runs, each as soon as its chunk is done: the main thread would otherwise wait idle for
// the last cell and then write 9 MB (a 256 × 256 sweep) while nothing else runs.
void writePiecesInOrder(const SweepJob& job, std::vector<std::string>& pieces, std::ostream& out) {
  const int total = job.spec().cellCount(), columns = job.spec().x.count;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    // A chunk's cells are flagged done after its piece is formatted, the last cell last.
    int last = std::min(total, static_cast<int>(k + 1) * SweepJob::kChunk) - 1;
    while (!job.cellDone(last % columns, last / columns)) {
      if (job.cancelled()) return;
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    out.write(pieces[k].data(), static_cast<std::streamsize>(pieces[k].size()));
    std::string().swap(pieces[k]);  // its memory back as it goes
  }
}

// --isa: a variant of the kernel this processor runs (all give the same numbers; for
// measuring one against another).
SweepIsa parseIsaFlag(const std::string& text) {
  std::vector<SweepIsa> runs = supportedSweepIsas();
  std::optional<SweepIsa> isa = sweepIsaNamed(text);
  if (!isa)
    throw InputError("--isa: unknown instruction set '" + text + "' (valid: " +
                     sweepIsaNameList({SweepIsa::Baseline, SweepIsa::Avx2, SweepIsa::Avx512}) +
                     "; this processor runs " + sweepIsaNameList(runs) + ")");
  if (std::find(runs.begin(), runs.end(), *isa) == runs.end())
    throw InputError("--isa: this processor cannot run " + std::string(sweepIsaName(*isa)) +
                     " (it runs " + sweepIsaNameList(runs) + ")");
  return *isa;
}

int sweep(const SweepOptions& o) {
  SweepSpec spec = buildSpec(o);
  int threads = availableCores();
  if (!o.threads.empty())
    threads = static_cast<int>(parseCountFlag("--threads", o.threads, 1, 256));
  if (!o.bench && o.csv.empty() && o.png.empty())
    throw InputError("--csv: required (or --png, or --bench)");
  SweepIsa isa = o.isa.empty() ? bestSweepIsa() : parseIsaFlag(o.isa);
  if (onlyChecking()) return 0;
  std::unique_ptr<AtomicOutput> csv =
      o.csv.empty() ? nullptr : std::make_unique<AtomicOutput>(o.csv);
  // The CSV's rows are formatted by the workers as each chunk of cells is done, into one piece
  // per chunk: the text costs about a third of the sweep, so it is spread over the cores too.
  std::vector<std::string> pieces;
  SweepJob::ChunkHook format;
  if (csv) {
    pieces.resize(
        static_cast<size_t>((spec.cellCount() + SweepJob::kChunk - 1) / SweepJob::kChunk));
    format = [&pieces](const SweepSpec& s, int begin, int end, const SweepCell* cells) {
      std::string& piece = pieces[static_cast<size_t>(begin / SweepJob::kChunk)];
      piece.reserve(static_cast<size_t>(end - begin) * 160);
      appendSweepCsvRows(s, cells, begin, end, piece);
    };
  }
  SweepJob job(spec, threads, isa, format);
  if (csv) {  // each piece written as soon as it and those before it are ready
    std::string header = sweepCsvHeader(spec);
    csv->stream().write(header.data(), static_cast<std::streamsize>(header.size()));
    writePiecesInOrder(job, pieces, csv->stream());
  }
  job.wait();
  double seconds = job.secondsToFinish();
  if (o.bench) {
    double steps = double(spec.cellCount()) * spec.steps * spec.seeds;
    std::string stepping = std::string("vectorised kernel, ") + sweepIsaName(isa);
    std::printf(
        "optirace sweep: %d cells x %ld steps = %.3g optimizer-steps in %.3f s on %d threads (%s): "
        "%.1f M steps/s\n",
        spec.cellCount(), spec.steps, steps, seconds, threads, stepping.c_str(),
        steps / seconds / 1e6);
  }
  if (csv) csv->commit();
  if (!o.png.empty()) writeSweepPng(job, o.png, 2);
  return 0;
}

}  // namespace

// "lr (e.g. 1e-05:2:log), beta1 (0:0.999:lin), …, start_x, start_y": every hyperparameter that is
// not a flag, with its default sweep range from core's table.
std::string sweepAxisNames() {
  std::string names;
  for (const HyperInfo& info : allHyperInfos()) {
    if (info.isFlag) continue;
    names.append(info.name).append(" (e.g. ").append(shortNumber(info.sweepLo)).append(":");
    names.append(shortNumber(info.sweepHi)).append(info.logarithmic ? ":log), " : ":lin), ");
  }
  for (const ScheduleParamInfo& info : allScheduleParams()) names.append(info.name).append(", ");
  return names +
         "start_x, start_y, or a parameter of the surface (rosenbrock's b, a typed "
         "surface's names; schedule parameters with --schedule)";
}

CLI::App* addSweepCommand(CLI::App& app, std::function<int()>& action) {
  auto o = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Sweep one or two hyperparameters (or the start point) over a grid");
  cmd->add_option("--surface", o->surface,
                  "NAME[:key=value,...] or expr:EXPRESSION[;name=value,...]");
  cmd->add_option("--optimizer", o->optimizer, "optimizer name");
  o->hyper.addTo(*cmd, "fixed ");
  cmd->add_option("--x", o->x, "axis NAME:LO:HI:lin|log:COUNT, NAME one of " + sweepAxisNames());
  cmd->add_option("--y", o->y, "second axis, same form");
  cmd->add_option("--start", o->start, "start point X,Y (not needed for a basin map)");
  cmd->add_option("--steps", o->steps, "step budget of every cell");
  cmd->add_option("--noise", o->noise, "gradient noise σ");
  cmd->add_option("--seed", o->seed, "noise seed (the first, with --seeds)");
  cmd->add_option("--seeds", o->seeds,
                  "run every cell for K consecutive seeds; CSV gains final_gap_p10, final_gap_p90 "
                  "and final_gap is the median (default 1)");
  cmd->add_option("--threshold", o->threshold, "convergence threshold on f − f* (default 1e-6)");
  cmd->add_option("--csv", o->csv, "CSV file, one row per cell");
  cmd->add_option("--png", o->png, "PNG of the grid (log10 final gap, diverged dark red)");
  cmd->add_option("--threads", o->threads, "worker threads (default: all cores)");
  cmd->add_flag("--bench", o->bench, "print the optimizer-steps per second");
  cmd->add_option("--isa", o->isa,
                  "the kernel's instruction set: x86-64, AVX2 or AVX-512 (default: the widest "
                  "this processor runs; all give the same numbers)");
  cmd->callback([o, &action] { action = [o] { return sweep(*o); }; });
  return cmd;
}

}  // namespace optirace::cli
