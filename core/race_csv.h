// A race as CSV, every step of every enabled racer: `step,x,y,loss,gap,grad_norm[,racer]`,
// numbers with 17 significant digits. Used by `optirace run` and the app's CSV export.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "racer.h"
#include "scenario.h"

namespace optirace {

void writeCsvRow(std::ostream& out, const TrajectoryPoint& p, const std::string* racerLabel);
std::string csvField(const std::string& text);  // quoted when it holds , " or a newline

// Steps `racer` `steps` times from where it is, writing its current row first and every step
// after; stops early when it diverges. Returns the step it diverged at, or −1.
long streamRacerCsv(Racer& racer, long steps, std::ostream& out, const std::string* racerLabel);

// Replays the scenario's enabled racers from their starts for `steps` steps into `out`, with
// the racer column; returns each racer's divergence step (−1: none) in racer order.
std::vector<long> writeRaceCsv(const Scenario& scenario, long steps, std::ostream& out);

}  // namespace optirace
