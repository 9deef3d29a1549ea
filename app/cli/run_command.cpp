#include "run_command.h"

#include <iostream>
#include <memory>

#include "atomic_output.h"
#include "cli_values.h"
#include "commands.h"
#include "hyper_flags.h"
#include "network/training_csv.h"
#include "number_format.h"
#include "race.h"
#include "race_csv.h"

namespace optirace::cli {

namespace {

struct RunOptions {
  std::string surface, optimizer, start, steps, noise, seed, csv, scenario;
  HyperFlags hyper;
};

void reportDivergence(const std::string& who, long step, const char* unit = "step") {
  if (step >= 0)
    std::cerr << "optirace run: " << who << " diverged at " << unit << " " << step << "\n";
}

int runSingle(const RunOptions& o) {
  if (o.surface.empty())
    throw InputError("--surface: required (valid: " + surfaceNameList() + ", or expr:EXPRESSION)");
  if (o.optimizer.empty())
    throw InputError("--optimizer: required (valid: " + optimizerNameList() + ")");
  if (o.start.empty()) throw InputError("--start: required, a point X,Y (e.g. --start -1,0.5)");
  if (o.steps.empty()) throw InputError("--steps: required, a whole number of steps");
  Surface surface = parseSurfaceSpec("--surface", o.surface);
  const OptimizerDef& def = parseOptimizerFlag("--optimizer", o.optimizer);
  RacerSpec spec{std::string(def.title), o.optimizer, o.hyper.resolve(def), {},
                 paletteColor(0),        true};
  spec.schedule = o.hyper.resolveSchedule();
  if (auto problem = validateSchedule(spec.schedule)) throw InputError("--schedule: " + *problem);
  spec.start = parsePoint("--start", o.start);
  long steps = parseCountFlag("--steps", o.steps, 0, kMaxSteps);
  RaceSettings settings;
  settings.view = surface.def().defaultView;
  if (!o.noise.empty()) settings.noiseSigma = parseNoiseFlag("--noise", o.noise);
  if (!o.seed.empty()) settings.seed = parseSeedFlag("--seed", o.seed);

  if (onlyChecking()) return 0;
  Racer racer(spec, surface, settings);
  AtomicOutput output(o.csv);
  output.stream() << "step,x,y,loss,gap,grad_norm,lr\n";
  long diverged = streamRacerCsv(racer, steps, output.stream(), nullptr);
  output.commit();
  reportDivergence(o.optimizer, diverged);
  return 0;
}

int runScenario(const RunOptions& o) {
  for (auto [given, flag] : {std::pair{!o.surface.empty(), "--surface"},
                             {!o.optimizer.empty(), "--optimizer"},
                             {!o.start.empty(), "--start"},
                             {!o.noise.empty(), "--noise"},
                             {!o.seed.empty(), "--seed"},
                             {o.hyper.anyGiven(), "hyperparameter flags"}})
    if (given)
      throw InputError(std::string(flag) + ": cannot be combined with --scenario (edit the file)");
  Scenario scenario = loadScenarioFile(o.scenario);
  if (!o.steps.empty()) scenario.steps = parseCountFlag("--steps", o.steps, 0, kMaxSteps);
  if (onlyChecking()) return 0;
  AtomicOutput output(o.csv);
  std::vector<long> divergedAt = scenario.task
                                     ? writeTaskRaceCsv(scenario, scenario.steps, output.stream())
                                     : writeRaceCsv(scenario, scenario.steps, output.stream());
  output.commit();
  std::size_t i = 0;
  for (const RacerSpec& spec : scenario.racers)
    if (spec.enabled)
      reportDivergence(spec.label, divergedAt[i++], scenario.task ? "epoch" : "step");
  return 0;
}

}  // namespace

CLI::App* addRunCommand(CLI::App& app, std::function<int()>& action) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* run = app.add_subcommand("run", "Run one optimizer (or a scenario) and write CSV");
  run->add_option("--surface", options->surface,
                  "NAME[:key=value,...] or expr:EXPRESSION[;name=value,...]");
  run->add_option("--optimizer", options->optimizer, "optimizer name (see `optirace list`)");
  options->hyper.addTo(*run, "");
  run->add_option("--start", options->start, "start point X,Y");
  run->add_option("--steps", options->steps, "number of steps N (rows 0..N are written)");
  run->add_option("--noise", options->noise, "gradient noise σ (default 0)");
  run->add_option("--seed", options->seed, "noise seed (default 0)");
  run->add_option("--csv", options->csv, "write the CSV here instead of stdout");
  run->add_option("--scenario", options->scenario, "run a whole scenario file (JSON)");
  run->callback([options, &action] {
    action = [options] {
      return options->scenario.empty() ? runSingle(*options) : runScenario(*options);
    };
  });
  return run;
}

}  // namespace optirace::cli
