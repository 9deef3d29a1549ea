#include "train_command.h"

#include <iostream>
#include <memory>

#include "atomic_output.h"
#include "cli_values.h"
#include "commands.h"
#include "hyper_flags.h"
#include "network/training_csv.h"
#include "number_format.h"
#include "racer.h"
#include "scenario.h"

namespace optirace::cli {
namespace {

// Ten million epochs of the circle take hours; more is a typing mistake.
constexpr long kMaxEpochs = 10'000'000;

struct TrainOptions {
  std::string task, optimizer, epochs, batchSize, seed, csv;
  HyperFlags hyper;
};

const TaskDef& parseTaskFlag(const std::string& name) {
  if (name.empty()) throw InputError("--task: required (valid: " + taskNameList() + ")");
  const TaskDef* task = findTask(name);
  if (!task)
    throw InputError("--task: unknown task '" + name + "' (valid: " + taskNameList() + ")");
  return *task;
}

TrainingSettings parseSettings(const TrainOptions& o, const TaskDef& task) {
  TrainingSettings settings;
  if (!o.batchSize.empty())
    settings.batchSize =
        static_cast<int>(parseCountFlag("--batch-size", o.batchSize, 1, task.data.samples));
  if (!o.seed.empty()) {
    if (o.batchSize.empty())
      throw InputError("--seed: shuffles the mini-batches; give --batch-size too");
    settings.seed = parseSeedFlag("--seed", o.seed);
  }
  return settings;
}

int runTrain(const TrainOptions& o) {
  const TaskDef& task = parseTaskFlag(o.task);
  if (o.optimizer.empty())
    throw InputError("--optimizer: required (valid: " + optimizerNameList() + ")");
  const OptimizerDef& def = parseOptimizerFlag("--optimizer", o.optimizer);
  if (o.epochs.empty()) throw InputError("--epochs: required, a whole number of epochs");
  long epochs = parseCountFlag("--epochs", o.epochs, 0, kMaxEpochs);
  Hyper hyper = o.hyper.resolve(def);
  Schedule schedule = o.hyper.resolveSchedule();
  if (auto problem = validateSchedule(schedule)) throw InputError("--schedule: " + *problem);
  const TrainingSettings settings = parseSettings(o, task);
  if (onlyChecking()) return 0;

  TrainingRun run(task, def, hyper, schedule, settings);
  AtomicOutput output(o.csv);
  output.stream() << "epoch,loss,accuracy\n";
  long divergedAt = streamTrainingCsv(run, epochs, output.stream(), nullptr);
  output.commit();
  if (divergedAt >= 0)
    std::cerr << "optirace train: " << o.optimizer << " diverged at epoch " << divergedAt << "\n";
  return 0;
}

}  // namespace

CLI::App* addTrainCommand(CLI::App& app, std::function<int()>& action) {
  auto options = std::make_shared<TrainOptions>();
  CLI::App* train = app.add_subcommand(
      "train", "Train a task's network (seed 003 §27.5) with one optimizer and write CSV");
  train->add_option("--task", options->task, "xor or circle (see `optirace list`)");
  train->add_option("--optimizer", options->optimizer, "optimizer name (see `optirace list`)");
  options->hyper.addTo(*train, "");
  train->add_option("--epochs", options->epochs, "number of epochs N (rows 0..N are written)");
  train->add_option("--batch-size", options->batchSize,
                    "samples per step (default: all, one step per epoch)");
  train->add_option("--seed", options->seed, "the mini-batches' shuffle (default 0)");
  train->add_option("--csv", options->csv, "write the CSV here instead of stdout");
  train->callback([options, &action] { action = [options] { return runTrain(*options); }; });
  return train;
}

}  // namespace optirace::cli
