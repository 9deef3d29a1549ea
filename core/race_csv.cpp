#include "race_csv.h"

#include <cmath>

#include "number_format.h"

namespace optirace {

void writeCsvRow(std::ostream& out, const TrajectoryPoint& p, const std::string* racer) {
  out << p.step << ',' << formatNumber(p.w.x) << ',' << formatNumber(p.w.y) << ','
      << formatNumber(p.loss) << ',' << formatNumber(p.gap) << ',' << formatNumber(p.gradNorm)
      << ',';
  if (!std::isnan(p.lr)) out << formatNumber(p.lr);  // empty at the start: no step reached it
  if (racer) out << ',' << *racer;
  out << '\n';
}

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

long streamRacerCsv(Racer& racer, long steps, std::ostream& out, const std::string* label) {
  writeCsvRow(out, racer.current(), label);
  for (long i = 0; i < steps; ++i) {
    writeCsvRow(out, racer.step(), label);
    if (racer.status() == RacerStatus::Diverged) return racer.divergedAtStep();
  }
  return -1;
}

std::vector<long> writeRaceCsv(const Scenario& scenario, long steps, std::ostream& out) {
  std::vector<Racer> racers;
  for (const RacerSpec& spec : scenario.racers)
    if (spec.enabled) racers.emplace_back(spec, scenario.surface, scenario.settings);
  out << "step,x,y,loss,gap,grad_norm,lr,racer\n";
  std::vector<long> divergedAt;
  for (Racer& racer : racers) {
    std::string label = csvField(racer.spec().label);
    divergedAt.push_back(streamRacerCsv(racer, steps, out, &label));
  }
  return divergedAt;
}

}  // namespace optirace
