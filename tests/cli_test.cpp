// The command line as scripts use it: `optirace run` / `list` output and every bad input path.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_result.h"
#include "race_words.h"
#include "racer.h"

namespace optirace {
namespace {

TEST(CliRun, WritesEveryStepBitExact) {
  Result r = runCli(
      "run --surface rosenbrock --optimizer adam --lr 0.01 --start=-1,0.5 --steps 300 "
      "--noise 0.3 --seed 1");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = parseCsv(r.out);
  ASSERT_EQ(rows.size(), 302u);
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"step", "x", "y", "loss", "gap", "grad_norm", "lr"}));
  Hyper h = findOptimizer("adam")->defaults;
  h.lr = 0.01;
  Racer racer({"adam", "adam", h, {-1, 0.5}}, Surface(*findSurface("rosenbrock")),
              RaceSettings{.noiseSigma = 0.3, .seed = 1, .view = {}});
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const TrajectoryPoint& p = i == 1 ? racer.current() : racer.step();
    ASSERT_EQ(std::stol(rows[i][0]), p.step);
    ASSERT_EQ(std::strtod(rows[i][1].c_str(), nullptr), p.w.x) << "row " << i;
    ASSERT_EQ(std::strtod(rows[i][2].c_str(), nullptr), p.w.y) << "row " << i;
    ASSERT_EQ(std::strtod(rows[i][3].c_str(), nullptr), p.loss) << "row " << i;
  }
}

TEST(CliRun, BothNegativeStartFormsAgree) {
  Result a = runCli("run --surface saddle --optimizer sgd --start -1,0.5 --steps 3");
  Result b = runCli("run --surface saddle --optimizer sgd --start=-1,0.5 --steps 3");
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(parseCsv(a.out)[1][1], "-1");
}

TEST(CliRun, ScenarioRaceAddsRacerColumn) {
  fs::path dir = tempDir();
  std::ofstream(dir / "race.json") << R"({"version": 1, "surface": {"name": "quadratic"},
    "steps": 80, "racers": [
      {"label": "SGD, fast", "optimizer": "sgd", "hyper": {"lr": 0.015}, "start": [5, 0.5]},
      {"optimizer": "momentum", "hyper": {"lr": 0.012, "beta1": 0.9}, "start": [5, 0.5]}]})";
  fs::path csv = dir / "race.csv";
  Result r = runCli("run --scenario " + (dir / "race.json").string() + " --csv " + csv.string());
  ASSERT_EQ(r.status, 0) << r.err;
  std::string text = readAll(csv);
  auto rows = parseCsv(text);
  ASSERT_EQ(rows.size(), 1u + 2u * 81u);
  EXPECT_EQ(rows[0].back(), "racer");
  EXPECT_NE(text.find("80,0.4372287845941365,"), std::string::npos);   // seed's SGD figure
  EXPECT_NE(text.find(",\"SGD, fast\"\n"), std::string::npos);         // quoted label
  EXPECT_NE(text.find(",0.0028926231039609197,"), std::string::npos);  // seed's Momentum loss
}

TEST(CliRun, DivergenceIsReported) {
  Result r = runCli("run --surface quadratic --optimizer sgd --lr 0.05 --start 5,0.5 --steps 1000");
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("diverged at step"), std::string::npos) << r.err;
  EXPECT_LT(parseCsv(r.out).size(), 1002u);
}

// FFmpeg's libraries (and the ~130 they bring) load at the first video, not at every start:
// they cost ~28 ms a start, a tenth of a 20 000-epoch `train` (render/ffmpeg_library.h).
TEST(CliStart, LoadsNoVideoLibraries) {
  ::setenv("LD_DEBUG", "libs", 1);  // the dynamic loader names each library it looks for
  Result r = runCli("list");
  ::unsetenv("LD_DEBUG");
  ASSERT_EQ(r.status, 0);
  if (r.err.find("libsleef") == std::string::npos) GTEST_SKIP() << "LD_DEBUG printed nothing";
  EXPECT_EQ(r.err.find("libavcodec"), std::string::npos);
  EXPECT_EQ(r.err.find("libavformat"), std::string::npos);
}

TEST(CliList, ListsEverySurfaceAndOptimizerWithDefaults) {
  Result r = runCli("list");
  ASSERT_EQ(r.status, 0);
  for (const SurfaceDef* s : allSurfaces())
    EXPECT_NE(r.out.find("  " + std::string(s->name) + "  "), std::string::npos) << s->name;
  for (const OptimizerDef* o : allOptimizers())
    EXPECT_NE(r.out.find("  " + std::string(o->name) + "  ("), std::string::npos) << o->name;
  EXPECT_NE(r.out.find("param b = 50"), std::string::npos);
  EXPECT_NE(r.out.find("weight_decay=0.01"), std::string::npos);  // adamw's default
  // Numbers as people read them, each the shortest text that reads back exactly: β₁ = 0.9, not
  // 0.90000000000000002.
  EXPECT_NE(r.out.find("beta1=0.9 "), std::string::npos);
  EXPECT_EQ(r.out.find("0.90000000000000002"), std::string::npos);
  // Every hyperparameter's scale and ranges, as core's table has them (the window and the
  // sweep's help read the same table).
  for (const HyperInfo& info : allHyperInfos()) {
    if (info.isFlag) continue;
    std::string line = std::string(info.logarithmic ? "log" : "linear") + " scale; dragged over [" +
                       shortNumber(info.dragLo) + ", " + shortNumber(info.dragHi) +
                       "], swept by default over [" + shortNumber(info.sweepLo) + ", " +
                       shortNumber(info.sweepHi) + "]";
    EXPECT_NE(r.out.find(line), std::string::npos) << line;
    EXPECT_EQ(std::stod(shortNumber(info.sweepLo)), info.sweepLo);
  }
}

struct BadInput {
  const char* name;
  const char* args;
  const char* message;
};

void PrintTo(const BadInput& b, std::ostream* os) {
  *os << b.name;
}

class CliBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(CliBadInput, ExitsTwoWithOneLineAndNoFile) {
  fs::path csv = tempDir() / (std::string(GetParam().name) + ".csv");
  fs::remove(csv);
  Result r = runCli(std::string(GetParam().args) + " --csv " + csv.string());
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_FALSE(fs::exists(csv));
  EXPECT_FALSE(fs::exists(csv.string() + ".partial"));
}

#define OK_RUN "run --surface rosenbrock --optimizer adam --start -1,0.5 --steps 10"
INSTANTIATE_TEST_SUITE_P(
    Table, CliBadInput,
    ::testing::Values(
        BadInput{"surface", "run --surface banana --optimizer adam --start 0,0 --steps 1",
                 "--surface: unknown surface 'banana' (valid: quadratic, rosenbrock"},
        BadInput{"surface_key",
                 "run --surface quadratic:c=1 --optimizer adam --start 0,0 --steps 1",
                 "--surface: quadratic has no parameter 'c'"},
        BadInput{"surface_value",
                 "run --surface quadratic:b=x --optimizer adam --start 0,0 --steps 1",
                 "--surface: b='x' is not a finite number"},
        BadInput{"surface_range",
                 "run --surface quadratic:b=-2 --optimizer adam --start 0,0 --steps 1",
                 "--surface: quadratic parameter b must be in [0"},
        BadInput{"optimizer", "run --surface saddle --optimizer adamm --start 0,0 --steps 1",
                 "--optimizer: unknown optimizer 'adamm' (valid: sgd, momentum"},
        BadInput{"lr_text", OK_RUN " --lr fast", "--lr: 'fast' is not a finite number"},
        BadInput{"lr_zero", OK_RUN " --lr 0", "--lr: must satisfy lr > 0"},
        BadInput{"lr_nan", OK_RUN " --lr nan", "--lr: 'nan' is not a finite number"},
        BadInput{"lr_inf", OK_RUN " --lr inf", "--lr: 'inf' is not a finite number"},
        BadInput{"beta1", OK_RUN " --beta1 1", "--beta1: must satisfy 0 <= beta1 < 1"},
        BadInput{"beta2", OK_RUN " --beta2=-0.5", "--beta2: must satisfy 0 <= beta2 < 1"},
        BadInput{"eps", OK_RUN " --eps -1e-8", "--eps: must satisfy eps >= 0"},
        BadInput{"weight_decay", OK_RUN " --weight-decay -1",
                 "--weight-decay: must satisfy weight_decay >= 0"},
        BadInput{"unused", "run --surface saddle --optimizer sgd --beta2 0.9 --start 0,0 --steps 1",
                 "--beta2: sgd does not use it"},
        BadInput{"dampening",
                 "run --surface saddle --optimizer momentum --dampening 1 --start 0,0 --steps 1",
                 "--dampening: must satisfy 0 <= dampening < 1"},
        BadInput{"amsgrad", "run --surface saddle --optimizer sgd --amsgrad --start 0,0 --steps 1",
                 "--amsgrad: sgd does not use it"},
        BadInput{"start", "run --surface saddle --optimizer sgd --start 1 --steps 1",
                 "--start: '1' is not a point X,Y"},
        BadInput{"start_text", "run --surface saddle --optimizer sgd --start a,b --steps 1",
                 "--start: 'a,b' is not a point X,Y"},
        BadInput{"no_start", "run --surface saddle --optimizer sgd --steps 1", "--start: required"},
        BadInput{"steps", "run --surface saddle --optimizer sgd --start 0,0 --steps 1.5",
                 "--steps: '1.5' is not a whole number"},
        BadInput{"steps_negative", "run --surface saddle --optimizer sgd --start 0,0 --steps=-1",
                 "--steps: '-1' is not a whole number in [0, 1000000000]"},
        BadInput{"noise", OK_RUN " --noise -0.1", "--noise: must be >= 0"},
        BadInput{"seed", OK_RUN " --seed -1", "--seed: '-1' is not a whole number"},
        BadInput{"unknown_flag", OK_RUN " --momentum 0.9", "--momentum"},
        BadInput{"schedule_name", OK_RUN " --schedule linear",
                 "--schedule: unknown schedule 'linear' (valid: constant, step, exponential"},
        BadInput{"schedule_missing", OK_RUN " --schedule cosine",
                 "--schedule: cosine needs t_max (t_max >= 1"},
        BadInput{"schedule_unknown_param", OK_RUN " --schedule warmup:t_max=5",
                 "--schedule: warmup takes no parameter 't_max' (it takes warmup)"},
        BadInput{"schedule_t_max", OK_RUN " --schedule warmup_cosine:warmup=100,t_max=50",
                 "--schedule: t_max must satisfy t_max > warmup (got t_max=50, warmup=100)"},
        BadInput{"schedule_gamma", OK_RUN " --schedule exponential:gamma=1.5",
                 "--schedule: gamma must satisfy 0 < gamma <= 1 (got 1.5)"},
        BadInput{"schedule_gamma_zero", OK_RUN " --schedule step:step_size=10,gamma=0",
                 "--schedule: gamma must satisfy 0 < gamma <= 1 (got 0)"},
        BadInput{"clip_norm", OK_RUN " --clip-norm 0", "--clip-norm: must satisfy clip_norm > 0"},
        BadInput{"clip_norm_negative", OK_RUN " --clip-norm=-1",
                 "--clip-norm: must satisfy clip_norm > 0"},
        BadInput{
            "no_bias_correction",
            "run --surface saddle --optimizer rmsprop --no-bias-correction --start 0,0 --steps 1",
            "--no-bias-correction: rmsprop has no bias correction to turn off (valid with "
            "adam, adamw, amsgrad)"},
        BadInput{"sweep_schedule_axis",
                 "sweep --surface rosenbrock --optimizer adam --start -1,0.5 --steps 5 --x "
                 "warmup:1:10:lin:3",
                 "--x: the constant schedule takes no warmup (a warmup or warmup_cosine "
                 "schedule does)"},
        BadInput{"sweep_warmup_zero",
                 "sweep --surface rosenbrock --optimizer adam --start -1,0.5 --steps 5 --schedule "
                 "warmup --x warmup:0:10:lin:3",
                 "--x: warmup must satisfy warmup >= 1 over the whole axis (got 0)"},
        BadInput{"sweep_t_max",
                 "sweep --surface rosenbrock --optimizer adam --start -1,0.5 --steps 5 --schedule "
                 "warmup_cosine:t_max=50 --x warmup:1:100:lin:3",
                 "--schedule: t_max must satisfy t_max > warmup (got t_max=50, warmup=100)"},
        BadInput{"scenario_missing", "run --scenario /nonexistent/x.json",
                 "cannot open the scenario file"},
        BadInput{"scenario_mixed", "run --scenario x.json --optimizer sgd",
                 "--optimizer: cannot be combined with --scenario"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(CliBadScenario, ReportsJsonPath) {
  fs::path dir = tempDir();
  std::ofstream(dir / "bad.json") << R"({"version": 1, "surface": {"name": "quadratic"},
    "steps": 5, "racers": [{"optimizer": "adam", "hyper": {"lr": -1}, "start": [0, 0]}]})";
  Result r = runCli("run --scenario " + (dir / "bad.json").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("bad.json: $.racers[0].hyper.lr: must satisfy lr > 0 (got -1)"),
            std::string::npos)
      << r.err;
}

// Found by fuzz/specs_fuzzer: a schedule with γ = 0x1p-1074 was accepted, but its own text
// (4.9406564584124654e-324) was refused as "not a finite number": strtod's ERANGE for numbers
// below DBL_MIN was taken for an error. Subnormal values written by the CSV read back.
TEST(CliValues, SubnormalNumbersReadBack) {
  Result r = runCli(
      "run --surface rosenbrock --optimizer sgd --start 0,0 --steps 1 --lr "
      "4.9406564584124654e-324");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find(",4.9406564584124654e-324\n"), std::string::npos) << r.out;
  Result s = runCli(
      "run --surface rosenbrock --optimizer sgd --start 0,0 --steps 1 --schedule "
      "exponential:gamma=4.9406564584124654e-324");
  EXPECT_EQ(s.status, 0) << s.err;
  EXPECT_EQ(
      runCli("run --surface rosenbrock --optimizer sgd --start 0,0 --steps 1 --lr 1e400").status,
      2);
}

// Found by fuzz/scenario_fuzzer: a number beyond double's range made the JSON library throw an
// exception the loader did not catch, and `run --scenario` aborted.
TEST(CliBadScenario, NumberBeyondDoubleIsRefused) {
  fs::path dir = tempDir();
  std::ofstream(dir / "overflow.json") << R"({"version": 1, "surface": {"name": "quadratic"},
    "steps": 5, "racers": [{"optimizer": "adam", "hyper": {"lr": 1e400}, "start": [0, 0]}]})";
  Result r = runCli("run --scenario " + (dir / "overflow.json").string());
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("overflow.json: $: not valid JSON: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("number overflow parsing '1e400'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace optirace

namespace optirace {
namespace {

// The lecture presets reproduce the seeds' figures through `optirace run --scenario`.
TEST(Presets, ReproduceSeedFigures) {
  struct Expect {
    const char* preset;
    const char* finalRow;  // the racer's last row starts with this
  };
  for (Expect e :
       {Expect{"1_sgd_zigzag", "80,0.4372287845941365,"},
        Expect{"2_sgd_momentum_nesterov", "80,0.71606989856698766,"},
        Expect{"2_sgd_momentum_nesterov", "80,0.052715256192658037,-0.0015081436834953627,"},
        Expect{"2_sgd_momentum_nesterov", "80,0.010905443691531569,"},
        Expect{"3_adagrad_vs_rmsprop", "100,5.5605478043714308e-05,"}}) {
    Result r = runCli(std::string("run --scenario ") + OPTIRACE_SOURCE_DIR + "/assets/presets/" +
                      e.preset + ".json");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find(std::string("\n") + e.finalRow), std::string::npos)
        << e.preset << " " << e.finalRow;
  }
}

TEST(Presets, AllLoadAndRunWithoutDivergence) {
  for (const auto& entry :
       fs::directory_iterator(std::string(OPTIRACE_SOURCE_DIR) + "/assets/presets")) {
    Result r = runCli("run --scenario " + entry.path().string());
    EXPECT_EQ(r.status, 0) << entry.path() << r.err;
    EXPECT_EQ(r.err, "") << entry.path();
  }
}

// Presets 9 and 0 show what their titles and README say, through `optirace run --scenario`:
// the racer without warmup flung far from the start's valley (its first step η in each
// coordinate), and Adam without bias correction overshooting the bowl's minimum early.
TEST(Presets, WarmupAndBiasCorrectionShowTheirPoint) {
  struct Row {
    long step;
    double x, y, gap;
    std::string racer;
  };
  auto rowsOf = [](const std::string& preset) {
    Result r = runCli(std::string("run --scenario ") + OPTIRACE_SOURCE_DIR + "/assets/presets/" +
                      preset + ".json");
    EXPECT_EQ(r.status, 0) << r.err;
    std::vector<Row> rows;
    std::istringstream in(r.out);
    std::string line;
    std::getline(in, line);  // step,x,y,loss,gap,grad_norm,lr,racer
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::size_t pos = 0;
      for (int i = 0; i < 7; ++i) {
        std::size_t comma = line.find(',', pos);
        f.push_back(line.substr(pos, comma - pos));
        pos = comma + 1;
      }
      rows.push_back(
          {std::stol(f[0]), std::stod(f[1]), std::stod(f[2]), std::stod(f[4]), line.substr(pos)});
    }
    return rows;
  };
  auto finalGap = [](const std::vector<Row>& rows, const std::string& racer) {
    double gap = NAN;
    for (const Row& r : rows)
      if (r.racer == racer) gap = r.gap;
    return gap;
  };

  std::vector<Row> warmup = rowsOf("9_adam_warmup");
  ASSERT_GT(warmup.size(), 2u);
  EXPECT_EQ(warmup[0].racer, "Adam η=1");
  EXPECT_NEAR(std::fabs(warmup[1].x - warmup[0].x), 1.0, 1e-6);  // η·sign(g) at t = 1
  EXPECT_NEAR(std::fabs(warmup[1].y - warmup[0].y), 1.0, 1e-6);
  double flung = finalGap(warmup, "Adam η=1");
  for (const char* warmed : {"\"Adam η=1, warmup=50\"", "\"Adam η=1, warmup=200\""})
    EXPECT_GT(flung, 10 * finalGap(warmup, warmed)) << warmed;

  std::vector<Row> bias = rowsOf("0_adam_bias_correction");
  double rawMin = INFINITY, correctedMin = INFINITY;
  for (const Row& r : bias) {
    if (r.racer == "Adam η=0.1 (no bias correction)" && r.step <= 20)
      rawMin = std::min(rawMin, r.x);
    if (r.racer == "Adam η=0.1") correctedMin = std::min(correctedMin, r.x);
  }
  EXPECT_LT(rawMin, -1.0);        // past the minimum at 0 by more than a unit
  EXPECT_GT(correctedMin, -0.1);  // approaches it from one side
}

}  // namespace
}  // namespace optirace
