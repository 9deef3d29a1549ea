// The window's task race (core/network/task_race.h) and what it draws: every epoch's weights and
// rows are a TrainingRun's to the bit, divergence and the epoch limit are handled, the pictures
// colour what the network predicts, and the slice's paths start at the shared initialisation
// and stay in the box drawn.
#include "network/task_race.h"

#include <gtest/gtest.h>

#include <cmath>

#include "network/slice_view.h"
#include "network/task_pictures.h"
#include "network/task_sweep.h"
#include "sweep_picture.h"

namespace optirace {
namespace {

Scenario taskScenario(const std::string& task, long epochs, std::vector<RacerSpec> racers) {
  Scenario s;
  s.task = TaskSetup{.name = task};
  s.steps = epochs;
  s.settings.threshold = 0.01;
  s.racers = std::move(racers);
  return s;
}

RacerSpec racer(const std::string& optimizer, double lr) {
  RacerSpec r;
  r.optimizer = optimizer;
  r.hyper = findOptimizer(optimizer)->defaults;
  r.hyper.lr = lr;
  r.label = optimizer;
  return r;
}

TEST(TaskRace, KeepsEveryEpochOfEachTrainingRun) {
  RacerSpec momentum = racer("momentum", 0.1);
  momentum.hyper.beta1 = 0.9;
  Scenario s = taskScenario("circle", 40, {racer("sgd", 0.1), momentum, racer("adam", 0.01)});
  s.task->batchSize = 64, s.task->seed = 3;  // mini-batches too
  TaskRace race(s);
  ASSERT_EQ(race.racers().size(), 3u);
  const TaskDef& task = *findTask("circle");
  for (int i = 0; i < 3; ++i) {
    const RacerSpec& spec = s.racers[i];
    TrainingRun run(task, *findOptimizer(spec.optimizer), spec.hyper, spec.schedule,
                    {.batchSize = 64, .seed = 3});
    for (long k = 0; k <= 40; ++k) {
      std::span<const double> kept = race.weightsAt(i, k);
      ASSERT_TRUE(std::equal(kept.begin(), kept.end(), run.params().begin()))
          << spec.optimizer << " epoch " << k;
      if (k < 40) run.epoch();
    }
    const auto& rows = run.history();
    ASSERT_EQ(race.racers()[i].rows.size(), rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k)
      EXPECT_EQ(race.racers()[i].rows[k].loss, rows[k].loss) << spec.optimizer << " row " << k;
  }
}

TEST(TaskRace, PlaysBackWithinTheBudget) {
  TaskRace race(taskScenario("xor", 30, {racer("adam", 0.01)}));
  EXPECT_EQ(race.shown(), 0);
  race.advance(12);
  EXPECT_EQ(race.shown(), 12);
  race.advance(100);
  EXPECT_EQ(race.shown(), 30);
  EXPECT_TRUE(race.finished());
  race.seek(-5);
  EXPECT_EQ(race.shown(), 0);
  // Weights of epoch 0 are the task's shared initialisation.
  std::span<const double> w = race.weightsAt(0, 0);
  EXPECT_TRUE(std::equal(w.begin(), w.end(), findTask("xor")->initialParams.begin()));
}

TEST(TaskRace, ADivergedRacerKeepsOnlyFiniteEpochs) {
  RacerSpec wild = racer("lion", 1e308);  // its sign steps reach ±inf, then NaN
  Scenario s = taskScenario("xor", 50, {wild, racer("adam", 0.01)});
  TaskRace race(s);
  const TaskRacer& r = race.racers()[0];
  ASSERT_GE(r.divergedAt, 1);
  EXPECT_EQ(r.epochsTrained() + 1, r.divergedAt);
  EXPECT_EQ(r.weights.size(), r.rows.size() * race.parameterCount());
  for (const PassResult& row : r.rows) EXPECT_TRUE(std::isfinite(row.loss));
  // Asked for a later epoch, it shows its last one.
  std::span<const double> last = race.weightsAt(0, 50);
  for (double v : last) EXPECT_TRUE(std::isfinite(v));
  EXPECT_EQ(race.racers()[1].epochsTrained(), 50);
}

TEST(TaskRace, RefusesWhatTheWindowCannotHold) {
  Scenario s = taskScenario("xor", kMaxWindowEpochs + 1, {racer("sgd", 0.1)});
  try {
    TaskRace race(s);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("at most 20000 epochs (got 20001)"), std::string::npos)
        << e.what();
  }
  Scenario surface;
  EXPECT_THROW(TaskRace{surface}, InputError);
}

// After the seed's 3000 epochs of Adam on XOR every point is classified right (the seed's
// table: loss 0.000036), so each data point's cell of the picture has its class's colour side.
TEST(TaskPictures, TheBoundarySeparatesXorsClasses) {
  TaskRace race(taskScenario("xor", 3000, {racer("adam", 0.01)}));
  const TaskDef& task = race.task();
  DenseNetwork network(task.shape, task.data);
  const int cells = 100;
  TaskPicture p = decisionPicture(network, race.weightsAt(0, 3000), task.inputView, cells, cells);
  ASSERT_EQ(p.rgba.size(), std::size_t(cells) * cells * 4);
  for (int s = 0; s < task.data.samples; ++s) {
    const ViewBox& v = task.inputView;
    int c = int((task.data.input(0, s) - v.xMin) / v.width() * cells);
    int r = int((v.yMax - task.data.input(1, s)) / v.height() * cells);
    const std::uint8_t* px = &p.rgba[(std::size_t(r) * cells + c) * 4];
    bool one = task.data.target(0, s) > 0.5;
    // Red above blue for class 1, blue above red for class 0 (the ends of probabilityRgb).
    EXPECT_EQ(px[0] > px[2], one) << "sample " << s;
  }
  EXPECT_EQ(probabilityRgb(0.0), classRgb(0));
  EXPECT_EQ(probabilityRgb(1.0), classRgb(1));
  std::uint32_t middle = probabilityRgb(0.5);  // pale: every channel high
  EXPECT_GT(std::min({middle >> 16 & 255, middle >> 8 & 255, middle & 255}), 200u);
}

TEST(TaskPictures, SliceColoursFollowTheLoss) {
  std::vector<double> losses = {1e-3, 1e-2, 1e-1, NAN};  // 2 × 2, row 0 at the bottom
  LossLevels levels = lossLevels(losses);
  EXPECT_DOUBLE_EQ(levels.logLo, -3);
  EXPECT_DOUBLE_EQ(levels.logHi, -1);
  TaskPicture p = slicePicture(losses, 2, 2, levels);
  auto rgb = [&](int row, int column) {
    const std::uint8_t* px = &p.rgba[(row * 2 + column) * 4];
    return std::vector<std::uint8_t>{px[0], px[1], px[2]};
  };
  EXPECT_EQ(rgb(1, 0), viridisRgb(0.0));  // the bottom row holds losses 0 and 1
  EXPECT_EQ(rgb(1, 1), viridisRgb(0.5));
  EXPECT_EQ(rgb(0, 0), viridisRgb(1.0));
  EXPECT_EQ(rgb(0, 1), (std::vector<std::uint8_t>{0x8b, 0, 0}));
}

TEST(SliceView, PathsStartAtTheSharedInitialisationInsideTheBox) {
  RacerSpec momentum = racer("momentum", 0.1);
  momentum.hyper.beta1 = 0.9;
  TaskRace race(taskScenario("circle", 200, {racer("sgd", 0.1), momentum, racer("adam", 0.01)}));
  for (SliceKind kind : {SliceKind::PrincipalComponents, SliceKind::RandomFilterNormalised,
                         SliceKind::NamedWeights}) {
    SliceChoice choice{.kind = kind, .firstWeight = 3, .secondWeight = 20};
    SliceView s = computeSliceView(race, choice, 16);
    ASSERT_EQ(s.paths.size(), 3u);
    for (const auto& path : s.paths) {
      ASSERT_EQ(path.size(), 201u);
      EXPECT_NEAR(path[0].x, 0, 1e-12);
      EXPECT_NEAR(path[0].y, 0, 1e-12);
      for (Vec2 p : path) {
        EXPECT_TRUE(p.x >= s.view.xMin && p.x <= s.view.xMax && p.y >= s.view.yMin &&
                    p.y <= s.view.yMax);
      }
    }
    // The grid's losses are the network's own at those points of the plane.
    DenseNetwork network(race.task().shape, race.task().data);
    std::vector<double> w(race.parameterCount());
    Vec2 centre{s.view.xMin + 5.5 / 16 * s.view.width(), s.view.yMin + 9.5 / 16 * s.view.height()};
    s.plane.pointAt(centre, w);
    EXPECT_DOUBLE_EQ(s.losses[9 * 16 + 5], network.evaluate(w).loss);
  }
  // Named weights: the path's coordinates are those weights' changes.
  SliceView named = computeSliceView(
      race, {.kind = SliceKind::NamedWeights, .firstWeight = 3, .secondWeight = 20}, 8);
  std::span<const double> w = race.weightsAt(2, 200);
  const auto& start = race.task().initialParams;
  EXPECT_NEAR(named.paths[2][200].x, w[3] - start[3], 1e-12);
  EXPECT_NEAR(named.paths[2][200].y, w[20] - start[20], 1e-12);
}

// Exercise 27.4's cells are the seed's final losses: at the seed's own η each racer's final loss
// is its row of the seed's table (§27.5, XOR, 3000 epochs, six decimals).
TEST(TaskSweep, FinalLossesAtTheSeedsSettingsAreItsTable) {
  RacerSpec momentum = racer("momentum", 0.1), rmsprop = racer("rmsprop", 0.01);
  momentum.hyper.beta1 = 0.9;
  rmsprop.hyper.beta2 = 0.9;
  Scenario s =
      taskScenario("xor", 3000, {racer("sgd", 0.1), momentum, rmsprop, racer("adam", 0.01)});
  const double table[] = {0.124916, 0.002645, 0.000000, 0.000036};
  for (int i = 0; i < 4; ++i)
    EXPECT_NEAR(taskFinalLoss(s, s.racers[i], s.racers[i].hyper.lr), table[i], 5e-7)
        << s.racers[i].optimizer;
}

TEST(TaskSweep, EveryCellIsItsOwnTrainingAndStopsOnRequest) {
  std::vector<double> grid = logGrid(1e-4, 1.0, 5);  // the seed's five
  const double seeds[] = {1e-4, 1e-3, 1e-2, 1e-1, 1.0};
  ASSERT_EQ(grid.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_NEAR(grid[i], seeds[i], 1e-15 * seeds[i]);
  Scenario s = taskScenario("xor", 200, {racer("sgd", 0.1), racer("adam", 0.01)});
  s.racers.push_back(racer("rmsprop", 0.01));
  s.racers.back().enabled = false;
  std::atomic<int> done{0};
  TaskLrSweep sweep = sweepTaskLearningRate(s, grid, &done);
  EXPECT_EQ(done.load(), 10);
  ASSERT_EQ(sweep.finalLoss.size(), 2u);  // enabled racers only
  EXPECT_EQ(sweep.labels[1], "adam");
  for (int r = 0; r < 2; ++r)
    for (int i = 0; i < 5; ++i) {
      double expected = taskFinalLoss(s, s.racers[r], grid[i]);
      EXPECT_EQ(sweep.finalLoss[r][i], expected);
      // Row N − 1 of the task race at that η: the same training, kept epoch by epoch.
      Scenario one = s;
      one.racers = {s.racers[r]};
      one.racers[0].hyper.lr = grid[i];
      TaskRace race(one);
      EXPECT_EQ(race.racers()[0].rows[199].loss, expected);
    }
  std::atomic<bool> stop{true};
  TaskLrSweep stopped = sweepTaskLearningRate(s, grid, nullptr, &stop);
  EXPECT_TRUE(std::isnan(stopped.finalLoss[0][0]));
}

// The presets of seed 003's exercises show their point. Ex. 27.3: Adam's first step moves each
// weight by η·|g|/(|g| + ε) with bias correction (m̂ = g, v̂ = g²) and by
// η·0.1|g|/(√0.001·|g| + ε) without it (m = 0.1 g, v = 0.001 g²): 3.16 η wherever |g| ≫ ε.
TEST(TaskPresets, BiasCorrectionsFirstStepIsEtaOrThreePointOneSixEta) {
  Scenario s = loadScenarioFile(std::string(OPTIRACE_SOURCE_DIR) +
                                "/assets/presets/s4_bias_correction_circle.json");
  TaskRace race(s);
  ASSERT_EQ(race.racers().size(), 2u);
  const double eta = 0.01, eps = 1e-8;
  DenseNetwork network(race.task().shape, race.task().data);
  std::vector<double> g(race.parameterCount());
  network.evaluateWithGradient(race.weightsAt(0, 0), {}, g);
  for (int r = 0; r < 2; ++r) {
    EXPECT_EQ(race.racers()[r].spec.hyper.biasCorrection, r == 0);
    int large = 0;
    for (int i = 0; i < race.parameterCount(); ++i) {
      double a = std::abs(g[i]);
      double expected = r == 0 ? a / (a + eps) : 0.1 * a / (std::sqrt(0.001) * a + eps);
      double step = std::abs(race.weightsAt(r, 1)[i] - race.weightsAt(r, 0)[i]) / eta;
      EXPECT_NEAR(step, expected, 1e-9) << "racer " << r << " weight " << i;
      large += a > 1e-3 && std::abs(step - (r == 0 ? 1.0 : std::sqrt(10.0))) < 1e-3;
    }
    EXPECT_GT(large, 10);  // most weights take the whole step: η or 3.16 η
  }
}

// §27.5's comparison preset is the seed's table at row N − 1 (XOR, 3000 epochs).
TEST(TaskPresets, TheSeedsComparisonIsItsTable) {
  Scenario s = loadScenarioFile(std::string(OPTIRACE_SOURCE_DIR) +
                                "/assets/presets/s3_seed_network_comparison_xor.json");
  TaskRace race(s);
  const double table[] = {0.124916, 0.002645, 0.000000, 0.000036};
  const long toBelow[] = {-1, 2190, 264, 276};
  ASSERT_EQ(race.racers().size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(race.rowAt(i, 2999).loss, table[i], 5e-7) << i;
    EXPECT_EQ(firstEpochBelow(race.racers()[i].rows, 0.01), toBelow[i]) << i;
  }
}

}  // namespace
}  // namespace optirace
