// Training written as CSV: `epoch,loss,accuracy` rows 0 … N (`optirace train`), and with a
// `racer` column for a scenario's racers (`optirace run --scenario` on a task). Numbers are the
// shortest text that reads back to the same double (appendShortestNumber: several times faster
// to write than 17 digits, which a 20 000-epoch run would notice).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "../scenario.h"
#include "training_run.h"

namespace optirace {

// Trains run for up to `epochs` epochs, writing each row as soon as it is measured; returns the
// epoch of the first row whose loss is not a number (the last row written), or −1.
long streamTrainingCsv(TrainingRun& run, long epochs, std::ostream& out, const std::string* label);
// Every enabled racer of a task scenario, one after another; the diverged epochs, by racer.
// The scenario has a task (scenario.task).
std::vector<long> writeTaskRaceCsv(const Scenario& scenario, long epochs, std::ostream& out);

}  // namespace optirace
