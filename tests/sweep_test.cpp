// Sweeps: every cell equals a race with the same settings, exactly; threads, progress and
// cancellation; the command line's CSV and its bad input.
#include "sweep.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <thread>

#include "noise.h"
#include "number_format.h"
#include "racer.h"
#include "scratch_folder.h"
#include "sweep_kernel.h"

namespace optirace {
namespace {

SweepSpec adamOnRosenbrock(bool noisy) {
  SweepSpec spec;
  spec.surface = Surface(*findSurface("rosenbrock"));
  spec.optimizer = "adam";
  spec.hyper = findOptimizer("adam")->defaults;
  spec.start = {-1, 0.5};
  spec.steps = 300;
  spec.settings.view = spec.surface.def().defaultView;
  spec.settings.threshold = 1e-3;
  if (noisy) spec.settings.noiseSigma = 0.3, spec.settings.seed = 9;
  spec.x = parseSweepAxis("--x", "lr:1e-4:3:log:24");
  spec.y = parseSweepAxis("--y", "beta1:0:0.99:lin:16");
  return spec;
}

// The race engine's verdict on one racer, for comparison.
struct RaceOutcome {
  Vec2 w;
  double loss, gap, best;
  long converged, diverged;
};
RaceOutcome race(const SweepSpec& spec, const RacerSpec& r) {
  Racer racer(r, spec.surface, spec.settings);
  double best = racer.current().gap;
  for (long i = 0; i < spec.steps && racer.status() != RacerStatus::Diverged; ++i) {
    racer.step();
    if (racer.status() != RacerStatus::Diverged) best = std::min(best, racer.current().gap);
  }
  return {racer.current().w,       racer.current().loss,  racer.current().gap, best,
          racer.convergedAtStep(), racer.divergedAtStep()};
}

void expectCellEqualsRace(const SweepSpec& spec, const SweepJob& job, int ix, int iy) {
  RaceOutcome r = race(spec, spec.cellRacer(ix, iy));
  const SweepCell& c = job.cell(ix, iy);
  EXPECT_EQ(c.finalW, r.w) << ix << "," << iy;  // bit for bit
  EXPECT_EQ(c.finalLoss, r.loss);
  EXPECT_EQ(c.finalGap, r.gap);
  EXPECT_EQ(c.bestGap, r.best);
  EXPECT_EQ(c.stepsToThreshold, r.converged);
  EXPECT_EQ(c.divergedStep, r.diverged);
}

TEST(Sweep, RandomCellsEqualTheRaceEngineExactly) {
  for (bool noisy : {false, true}) {
    SweepSpec spec = adamOnRosenbrock(noisy);
    SweepJob job(spec, 2);
    job.wait();
    ASSERT_TRUE(job.finished());
    GaussianNoise pick(noisy ? 2 : 1);
    for (int k = 0; k < 25; ++k)
      expectCellEqualsRace(spec, job, static_cast<int>(pick.nextBits() % 24),
                           static_cast<int>(pick.nextBits() % 16));
  }
}

TEST(Sweep, DivergingCellsAreFlaggedWithTheirStep) {
  SweepSpec spec;
  spec.surface = Surface(*findSurface("quadratic"));
  spec.optimizer = "sgd";
  spec.hyper = findOptimizer("sgd")->defaults;
  spec.start = {5, 0.5};
  spec.steps = 500;
  spec.settings.view = spec.surface.def().defaultView;
  spec.x = parseSweepAxis("--x", "lr:0.001:0.05:log:40");  // SGD on b = 50 is stable for η < 0.02
  SweepJob job(spec, 2);
  job.wait();
  // SGD multiplies y by (1 − 2bη) each step (x shrinks), so |y| = 0.5·|1 − 2bη|^k; a racer is
  // diverged once it lies farther than kEscapeViewSizes × the view's larger side from the view's
  // centre: within N steps exactly when 0.5·|1 − 2bη|^N exceeds that reach. (The stability limit
  // 2/λ_max = 1/b = 0.02 is the limit as N grows.)
  const ViewBox& view = spec.settings.view;
  double b = spec.surface.param("b");
  double reach = kEscapeViewSizes * std::max(view.width(), view.height());
  double limit = (1 + std::pow(reach / 0.5, 1.0 / static_cast<double>(spec.steps))) / (2 * b);
  ASSERT_GT(limit, 1 / b);
  int diverged = 0;
  for (int ix = 0; ix < 40; ++ix) {
    const SweepCell& c = job.cell(ix, 0);
    double lr = spec.x.valueAt(ix);
    EXPECT_EQ(c.divergedStep >= 0, lr > limit) << "lr " << lr << ", limit " << limit;
    diverged += c.divergedStep >= 0;
    expectCellEqualsRace(spec, job, ix, 0);
  }
  EXPECT_GT(diverged, 5);
}

TEST(Sweep, BasinMapFindsHimmelblausFourMinima) {
  SweepSpec spec;
  spec.surface = Surface(*findSurface("himmelblau"));
  spec.optimizer = "sgd";
  spec.hyper = findOptimizer("sgd")->defaults;
  spec.hyper.lr = 0.01;
  spec.steps = 2000;
  spec.settings.view = spec.surface.def().defaultView;
  spec.x = parseSweepAxis("--x", "start_x:-5:5:lin:12");
  spec.y = parseSweepAxis("--y", "start_y:-5:5:lin:12");
  SweepJob job(spec, 2);
  job.wait();
  std::set<int> reached;
  for (int iy = 0; iy < 12; ++iy)
    for (int ix = 0; ix < 12; ++ix) reached.insert(job.cell(ix, iy).minimizer);
  for (int k = 0; k < 4; ++k) EXPECT_TRUE(reached.count(k)) << "minimizer " << k;
  // Starts in the first quadrant far from the others end at (3, 2).
  EXPECT_EQ(job.cell(11, 11).minimizer, 0);
  expectCellEqualsRace(spec, job, 3, 8);
}

TEST(Sweep, CancelStopsWorkersPromptly) {
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
  };
  SweepSpec spec = adamOnRosenbrock(false);
  spec.steps = 100'000;
  // "Promptly" means within the chunk of cells each worker is busy with: the time of one chunk
  // (SweepJob::kChunk = 8 × 4 cells) on one thread, measured here under the same build.
  SweepSpec one = spec;
  one.x = parseSweepAxis("--x", "lr:1e-4:1e-2:log:8");
  one.y = parseSweepAxis("--y", "beta1:0:0.9:lin:4");
  ASSERT_EQ(one.cellCount(), SweepJob::kChunk);
  auto t0 = Clock::now();
  { SweepJob(one, 1).wait(); }
  double chunk = seconds(t0, Clock::now());

  spec.x = parseSweepAxis("--x", "lr:1e-4:1:log:64");
  spec.y = parseSweepAxis("--y", "beta1:0:0.99:lin:64");
  SweepJob job(spec, 2);  // 4096 cells × 10⁵ steps: 128 chunks, unless cancelled
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto cancelled = Clock::now();
  job.cancel();
  job.wait();
  double latency = seconds(cancelled, Clock::now());
  EXPECT_FALSE(job.finished());
  EXPECT_LT(job.progress(), 1.0);
  // Each worker finishes the chunk it holds, both at once on two cores; twice that and a quarter
  // second leave room for this machine's drift.
  EXPECT_LT(latency, 2 * chunk + 0.25) << "one chunk takes " << chunk << " s";
}

// Core names the setting in words for any front end (the window shows it as is); the command
// line puts its flag in its place (SweepCommand's tests: "--x: …").
TEST(Sweep, SpecValidationNamesTheSetting) {
  SweepSpec spec = adamOnRosenbrock(false);
  spec.x = parseSweepAxis("--x", "dampening:0:0.5:lin:4");
  EXPECT_THROW(validateSweep(spec), InputError);  // adam has no dampening
  EXPECT_THROW(parseSweepAxis("--x", "lr:0:1:log:4"), InputError);
  EXPECT_THROW(parseSweepAxis("--x", "lr:1:0.1:lin:4"), InputError);
  EXPECT_THROW(parseSweepAxis("--x", "momentum:0:1:lin:4"), InputError);
  EXPECT_THROW(parseSweepAxis("--x", "lr:1e-3:1:log:0"), InputError);
  spec = adamOnRosenbrock(false);
  spec.x = parseSweepAxis("--x", "beta1:0:1:lin:4");  // β₁ = 1 is outside [0, 1)
  try {
    validateSweep(spec);
    FAIL();
  } catch (const SweepSettingError& e) {
    EXPECT_EQ(e.setting(), SweepSetting::XAxis);
    EXPECT_EQ(std::string(e.what()).rfind("x axis: beta1 must satisfy 0 <= beta1 < 1", 0), 0u)
        << e.what();
    EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << "no command-line flag";
  }
  spec = adamOnRosenbrock(false);
  spec.y = parseSweepAxis("--y", "lr:1e-3:1:log:4");
  spec.x = parseSweepAxis("--x", "lr:1e-3:1:log:4");
  try {
    validateSweep(spec);
    FAIL();
  } catch (const SweepSettingError& e) {
    EXPECT_EQ(e.setting(), SweepSetting::YAxis);
    EXPECT_STREQ(e.what(), "y axis: sweeps the same quantity as the x axis (lr)");
  }
}

struct CliResult {
  int status;
  std::string out, err;
};
std::string scratch(const std::string& name) {
  return scratchPath(name).string();
}

CliResult cli(const std::string& args) {
  std::string cmd =
      std::string(OPTIRACE_BINARY) + " " + args + " > " + scratch("out") + " 2> " + scratch("err");
  int raw = std::system(cmd.c_str());
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(scratch("out")), slurp(scratch("err"))};
}

TEST(SweepCli, CsvHasOneBitExactRowPerCell) {
  CliResult r = cli(
      "sweep --surface rosenbrock --optimizer adam --x lr:1e-3:0.1:log:5 --y beta2:0.9:0.999:lin:3 "
      "--start -1,0.5 --steps 200 --csv " +
      scratch("sweep.csv"));
  ASSERT_EQ(r.status, 0) << r.err;
  std::ifstream in(scratch("sweep.csv"));
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(
      header.rfind("lr,beta2,final_x,final_y,final_loss,final_gap,steps_to_threshold,diverged_step",
                   0),
      0u)
      << header;
  SweepSpec spec = adamOnRosenbrock(false);
  spec.steps = 200;
  spec.settings.threshold = 1e-6;
  spec.x = parseSweepAxis("--x", "lr:1e-3:0.1:log:5");
  spec.y = parseSweepAxis("--y", "beta2:0.9:0.999:lin:3");
  int rows = 0;
  for (std::string line; std::getline(in, line); ++rows) {
    std::stringstream cells(line);
    std::vector<std::string> c;
    for (std::string v; std::getline(cells, v, ',');) c.push_back(v);
    int ix = rows % 5, iy = rows / 5;
    EXPECT_EQ(std::strtod(c[0].c_str(), nullptr), spec.x.valueAt(ix));
    EXPECT_EQ(std::strtod(c[1].c_str(), nullptr), spec.y->valueAt(iy));
    RaceOutcome o = race(spec, spec.cellRacer(ix, iy));
    EXPECT_EQ(std::strtod(c[2].c_str(), nullptr), o.w.x);
    EXPECT_EQ(std::strtod(c[3].c_str(), nullptr), o.w.y);
    EXPECT_EQ(std::strtod(c[5].c_str(), nullptr), o.gap);
  }
  EXPECT_EQ(rows, 15);
}

TEST(SweepCli, BadSpecsExitTwoWithTheFlag) {
  std::string csv = scratch("bad_sweep.csv");
  std::string base =
      "sweep --surface rosenbrock --optimizer adam --start -1,0.5 --steps 10 --csv " + csv;
  struct Case {
    const char* extra;
    const char* message;
  };
  for (Case c : {Case{"--x lr:1e-4:1:log", "--x: 'lr:1e-4:1:log' is not an axis"},
                 Case{"--x lr:-1:1:log:4", "needs LO > 0 on a log axis"},
                 Case{"--x beta3:0:1:lin:4", "names no sweepable quantity"},
                 Case{"--x lr:1e-4:1:log:4 --y lr:1e-3:1:log:4",
                      "--y: sweeps the same quantity as the x axis"},
                 Case{"--x dampening:0:0.5:lin:4", "--x: adam does not use dampening"},
                 Case{"--x lr:1e-4:1:log:4 --threads 0", "--threads"},
                 Case{"--x lr:1e-4:1:log:4 --isa sse9",
                      "--isa: unknown instruction set 'sse9' (valid: x86-64, AVX2, AVX-512;"}}) {
    std::remove(csv.c_str());
    CliResult r = cli(base + " " + c.extra);
    EXPECT_EQ(r.status, 2) << c.extra;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_FALSE(std::ifstream(csv).good()) << c.extra;
  }
}

// --isa picks the kernel's variant: every variant this processor runs writes the same CSV, byte
// for byte; one it cannot run is refused with what it can.
TEST(SweepCli, EveryKernelVariantWritesTheSameCsv) {
  std::string base =
      "sweep --surface rastrigin --optimizer nadam --x lr:1e-3:0.1:log:9 --y beta1:0:0.9:lin:5 "
      "--start 3.2,2.6 --steps 300 --noise 0.5 --csv ";
  std::string first;
  for (SweepIsa isa : supportedSweepIsas()) {
    std::string csv = scratch(std::string("isa_") + sweepIsaName(isa) + ".csv");
    CliResult r = cli(base + csv + " --isa " + sweepIsaName(isa));
    ASSERT_EQ(r.status, 0) << r.err;
    std::ifstream in(csv);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 46) << sweepIsaName(isa);
    if (first.empty()) first = text;
    EXPECT_EQ(text, first) << sweepIsaName(isa) << " differs from x86-64's";
  }
  if (bestSweepIsa() != SweepIsa::Avx512) {
    CliResult r = cli(base + scratch("isa.csv") + " --isa avx-512");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--isa: this processor cannot run AVX-512 (it runs x86-64"),
              std::string::npos)
        << r.err;
  } else {
    std::printf("[ info ] every variant runs here: the refusal of one it cannot is not tested\n");
  }
}

}  // namespace
}  // namespace optirace

namespace optirace {
namespace {

TEST(SweepSeeds, CsvGainsQuantileColumnsAndBadCountsExit2) {
  std::string csv = scratch("seeds.csv");
  std::string base =
      "sweep --surface rosenbrock --optimizer adam --x lr:1e-3:0.1:log:4 --start=-1,0.5 "
      "--steps 50 --noise 1 --csv " +
      csv;
  CliResult ok = cli(base + " --seeds 3");
  ASSERT_EQ(ok.status, 0) << ok.err;
  std::ifstream in(csv);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header,
            "lr,final_x,final_y,final_loss,final_gap,steps_to_threshold,diverged_step,best_gap,"
            "minimizer,final_gap_p10,final_gap_p90");
  for (const char* bad : {" --seeds 0", " --seeds 1001", " --seeds two"}) {
    std::remove(csv.c_str());
    CliResult r = cli(base + bad);
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_NE(r.err.find("--seeds"), std::string::npos) << r.err;
    EXPECT_FALSE(std::ifstream(csv).good()) << bad;
  }
}

}  // namespace
}  // namespace optirace
