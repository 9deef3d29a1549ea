// Scenario files that name a task instead of a surface: read, written back, refused where they
// are wrong (each problem by its JSON path), and raced by `optirace run --scenario`.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_result.h"
#include "network/training_csv.h"
#include "scenario.h"

namespace optirace {
namespace {

const char* kSeedComparison = R"({
  "format": "optirace-scenario", "version": 1,
  "task": {"name": "circle", "batch_size": 50, "seed": 9}, "steps": 30, "threshold": 0.01,
  "racers": [{"optimizer": "sgd", "hyper": {"lr": 0.1}},
             {"optimizer": "adam", "hyper": {"lr": 0.01}, "schedule": {"name": "warmup",
              "params": {"warmup": 10}}}]})";

TEST(TaskScenario, ReadsAndWritesBack) {
  Scenario s = scenarioFromJson(kSeedComparison);
  ASSERT_TRUE(s.task.has_value());
  EXPECT_EQ(*s.task, (TaskSetup{"circle", 50, 9}));
  EXPECT_EQ(s.steps, 30);
  EXPECT_EQ(s.title, "Circle: SGD vs Adam, batches of 50");
  std::string text = scenarioToJson(s);
  EXPECT_EQ(text.find("\"surface\""), std::string::npos);
  EXPECT_EQ(text.find("\"start\""), std::string::npos);
  Scenario again = scenarioFromJson(text);
  EXPECT_EQ(*again.task, *s.task);
  ASSERT_EQ(again.racers.size(), 2u);
  EXPECT_EQ(again.racers[1].schedule, s.racers[1].schedule);
  EXPECT_EQ(again.racers[1].hyper.lr, 0.01);
}

struct BadTaskFile {
  const char* name;
  const char* replaceFrom;
  const char* replaceTo;
  const char* message;
};
void PrintTo(const BadTaskFile& b, std::ostream* os) {
  *os << b.name;
}
class TaskScenarioBad : public ::testing::TestWithParam<BadTaskFile> {};

TEST_P(TaskScenarioBad, NamesThePath) {
  std::string text = kSeedComparison;
  std::size_t at = text.find(GetParam().replaceFrom);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string(GetParam().replaceFrom).size(), GetParam().replaceTo);
  try {
    scenarioFromJson(text);
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().message), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, TaskScenarioBad,
    ::testing::Values(
        BadTaskFile{"unknown", "\"circle\"", "\"spiral\"",
                    "$.task.name: unknown task 'spiral' (valid: xor, circle)"},
        BadTaskFile{"both", "\"steps\"", "\"surface\": {\"name\": \"saddle\"}, \"steps\"",
                    "$: give \"surface\" or \"task\", not both"},
        BadTaskFile{"noise", "\"steps\"", "\"noise\": {\"sigma\": 0.1}, \"steps\"",
                    "$.noise: a task's scenario has none"},
        BadTaskFile{"start", "{\"lr\": 0.1}}", "{\"lr\": 0.1}, \"start\": [0, 0]}",
                    "$.racers[0].start: a task's racers all start from its shared initial"},
        BadTaskFile{"batch", "\"batch_size\": 50", "\"batch_size\": 301",
                    "$.task.batch_size: must be in [1, 300]"},
        BadTaskFile{"seed_alone", "\"batch_size\": 50, ", "",
                    "$.task.seed: shuffles the mini-batches; give \"batch_size\" too"},
        BadTaskFile{"key", "\"seed\": 9", "\"seed\": 9, \"epochs\": 3",
                    "$.task.epochs: unknown key (valid keys: name, batch_size, seed)"}));

// `run --scenario` on a task: each racer's rows are `train`'s with the same settings, to the bit.
TEST(TaskScenario, RunTrainsEveryRacer) {
  fs::path file = tempDir() / "task_scenario.json";
  std::ofstream(file) << kSeedComparison;
  Result r = runCli("run --scenario " + file.string());
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = parseCsv(r.out);
  ASSERT_EQ(rows.size(), 1u + 2 * 31);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"epoch", "loss", "accuracy", "racer"}));
  Result adam = runCli(
      "train --task circle --optimizer adam --lr 0.01 --schedule warmup:warmup=10 --batch-size 50 "
      "--seed 9 --epochs 30");
  ASSERT_EQ(adam.status, 0) << adam.err;
  auto trained = parseCsv(adam.out);
  for (int k = 0; k <= 30; ++k) {
    EXPECT_EQ(rows[32 + k][1], trained[1 + k][1]) << "epoch " << k;
    EXPECT_EQ(rows[32 + k][3], rows[32][3]);
  }
}

// `render` draws a task's figure (tests/task_figure_test.cpp, under a display); the flags that
// draw on a surface are refused before anything is drawn, naming the flag and what is valid.
TEST(TaskScenario, RenderRefusesASurfacesFlagsWithAMessage) {
  fs::path file = tempDir() / "task_render.json";
  std::ofstream(file) << kSeedComparison;
  fs::path png = tempDir() / "task_render.png";
  Result r = runCli("render --scenario " + file.string() + " --3d --out " + png.string());
  if (r.err.find("not expected") != std::string::npos) GTEST_SKIP() << "built without render";
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--3d: the scenario trains a network (a task), whose figure has no "
                       "surface; valid with a task: --out"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(png));
}

}  // namespace
}  // namespace optirace
