// `optirace train` as scripts use it: the CSV's rows read back to the engine's bits, and every
// bad input exits 2 with one line and no file.
#include <gtest/gtest.h>

#include <cstdlib>

#include "cli_result.h"
#include "network/training_run.h"

namespace optirace {
namespace {

TEST(CliTrain, WritesEveryEpochBitExact) {
  Result r = runCli("train --task circle --optimizer adam --lr 0.01 --epochs 40");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = parseCsv(r.out);
  ASSERT_EQ(rows.size(), 42u);  // header, rows 0 … 40
  EXPECT_EQ(rows[0], (std::vector<std::string>{"epoch", "loss", "accuracy"}));
  TrainingRun run(*findTask("circle"), *findOptimizer("adam"), {.lr = 0.01}, {}, {});
  for (int k = 0; k < 40; ++k) run.epoch();
  const std::vector<PassResult>& history = run.history();
  for (std::size_t k = 0; k < history.size(); ++k) {
    ASSERT_EQ(std::stol(rows[k + 1][0]), static_cast<long>(k));
    ASSERT_EQ(std::strtod(rows[k + 1][1].c_str(), nullptr), history[k].loss) << "row " << k;
    ASSERT_EQ(std::strtod(rows[k + 1][2].c_str(), nullptr), history[k].accuracy) << "row " << k;
  }
}

TEST(CliTrain, ZeroEpochsIsTheInitialLoss) {
  Result r = runCli("train --task xor --optimizer sgd --epochs 0");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = parseCsv(r.out);
  ASSERT_EQ(rows.size(), 2u);
  const TaskDef& task = *findTask("xor");
  DenseNetwork network(task.shape, task.data);
  EXPECT_EQ(std::strtod(rows[1][1].c_str(), nullptr), network.evaluate(task.initialParams).loss);
}

struct BadTrain {
  const char* name;
  const char* args;
  const char* message;
};
void PrintTo(const BadTrain& b, std::ostream* os) {
  *os << b.name;
}

class CliTrainBadInput : public ::testing::TestWithParam<BadTrain> {};

TEST_P(CliTrainBadInput, ExitsTwoWithOneLineAndNoFile) {
  fs::path csv = tempDir() / (std::string("train_") + GetParam().name + ".csv");
  fs::remove(csv);
  Result r = runCli(std::string(GetParam().args) + " --csv " + csv.string());
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(fs::exists(csv));
  EXPECT_FALSE(fs::exists(csv.string() + ".partial"));
}

INSTANTIATE_TEST_SUITE_P(
    Table, CliTrainBadInput,
    ::testing::Values(
        BadTrain{"no_task", "train --optimizer adam --epochs 3",
                 "--task: required (valid: xor, circle)"},
        BadTrain{"task", "train --task spiral --optimizer adam --epochs 3",
                 "--task: unknown task 'spiral' (valid: xor, circle)"},
        BadTrain{"optimizer", "train --task xor --optimizer adamm --epochs 3",
                 "--optimizer: unknown optimizer 'adamm'"},
        BadTrain{"no_epochs", "train --task xor --optimizer adam", "--epochs: required"},
        BadTrain{"epochs", "train --task xor --optimizer adam --epochs -1", "--epochs:"},
        BadTrain{"epochs_huge", "train --task xor --optimizer adam --epochs 1e9", "--epochs:"},
        BadTrain{"lr", "train --task xor --optimizer adam --lr 0 --epochs 3",
                 "--lr: must satisfy lr > 0 (got 0)"},
        BadTrain{"unused_hyper", "train --task xor --optimizer sgd --beta2 0.9 --epochs 3",
                 "--beta2"},
        BadTrain{"batch", "train --task xor --optimizer sgd --batch-size 5 --epochs 3",
                 "--batch-size: '5' is not a whole number in [1, 4]"},
        BadTrain{"batch_zero", "train --task circle --optimizer sgd --batch-size 0 --epochs 3",
                 "--batch-size:"},
        BadTrain{"seed_alone", "train --task circle --optimizer sgd --seed 3 --epochs 3",
                 "--seed: shuffles the mini-batches; give --batch-size too"},
        BadTrain{"schedule", "train --task xor --optimizer adam --schedule warmup --epochs 3",
                 "--schedule:"}));

}  // namespace
}  // namespace optirace
