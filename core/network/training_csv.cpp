#include "training_csv.h"

#include <cmath>

#include "../number_format.h"
#include "../race_csv.h"
#include "task_scenario.h"

namespace optirace {

long streamTrainingCsv(TrainingRun& run, long epochs, std::ostream& out, const std::string* label) {
  std::size_t written = 0;
  long divergedAt = -1;
  std::string line;
  auto writeMeasured = [&] {
    for (; written < run.rowsSoFar().size() && divergedAt < 0; ++written) {
      const PassResult& row = run.rowsSoFar()[written];
      line = std::to_string(written) + ',';
      appendShortestNumber(line, row.loss);
      line += ',';
      appendShortestNumber(line, row.accuracy);
      if (label) line += ',' + *label;
      line += '\n';
      out << line;
      if (!std::isfinite(row.loss)) divergedAt = static_cast<long>(written);
    }
  };
  for (long k = 0; k < epochs && !run.diverged(); ++k) {
    run.epoch();  // measures row k in its own pass
    writeMeasured();
  }
  run.history();  // the last row (or the first that is not a number)
  writeMeasured();
  return divergedAt;
}

std::vector<long> writeTaskRaceCsv(const Scenario& scenario, long epochs, std::ostream& out) {
  const TaskDef& task = *findTask(scenario.task->name);
  out << "epoch,loss,accuracy,racer\n";
  std::vector<long> divergedAt;
  for (const RacerSpec& spec : scenario.racers) {
    if (!spec.enabled) continue;
    // One racer after another, each pass on two threads (the same bits as on one).
    TrainingSettings settings = trainingSettingsOf(*scenario.task);
    settings.twoThreads = true;
    TrainingRun run(task, *findOptimizer(spec.optimizer), spec.hyper, spec.schedule, settings);
    std::string label = csvField(spec.label);
    divergedAt.push_back(streamTrainingCsv(run, epochs, out, &label));
  }
  return divergedAt;
}

}  // namespace optirace
