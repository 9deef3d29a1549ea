#include "training_csv.h"

#include <bit>
#include <cmath>
#include <cstdint>

#include "../number_format.h"
#include "../race_csv.h"
#include "task_scenario.h"

namespace optirace {

long streamTrainingCsv(TrainingRun& run, long epochs, std::ostream& out, const std::string* label) {
  std::size_t written = 0;
  long divergedAt = -1;
  std::string line;
  // The accuracy changes in few epochs (a share of right samples): its text is made again only
  // then. Formatting each number took about a twentieth of an epoch of the circle.
  std::uint64_t accuracyBits = 0;
  std::string accuracyText;
  auto writeMeasured = [&] {
    for (; written < run.rowsSoFar().size() && divergedAt < 0; ++written) {
      const PassResult& row = run.rowsSoFar()[written];
      line = std::to_string(written) + ',';
      appendShortestNumber(line, row.loss);
      line += ',';
      if (written == 0 || std::bit_cast<std::uint64_t>(row.accuracy) != accuracyBits) {
        accuracyBits = std::bit_cast<std::uint64_t>(row.accuracy);
        accuracyText.clear();
        appendShortestNumber(accuracyText, row.accuracy);
      }
      line += accuracyText;
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
    TrainingRun run(task, *findOptimizer(spec.optimizer), spec.hyper, spec.schedule,
                    trainingSettingsOf(*scenario.task));
    std::string label = csvField(spec.label);
    divergedAt.push_back(streamTrainingCsv(run, epochs, out, &label));
  }
  return divergedAt;
}

}  // namespace optirace
